package org.nuanxin.identity;

/**
 * Sends a text message (SMS) to a mobile phone: the port through which the worker sign-in sends its one-time codes.
 * A deployment provides one bean for its SMS gateway (an adapter in its own module or configuration). Without one,
 * sending a code fails with a page message and the start logs a warning; the profile {@code dev} provides an adapter
 * that writes the code to the log instead of sending it.
 */
public interface SmsSender {

    /**
     * Hands one message to the gateway.
     *
     * @param e164 the mobile number in E.164 form ({@code +8613800138000}); personal data: an adapter never logs it
     * @param text the whole message, already in the recipient's language (one SMS part: at most 70 characters of
     *     Chinese text)
     * @throws NotSent when the gateway refused the message or could not be reached
     */
    void send(String e164, String text);

    /** The message was not handed to the gateway; the text says why in terms safe to log (never the number). */
    final class NotSent extends RuntimeException {

        private static final long serialVersionUID = 1L;

        public NotSent(String message, Throwable cause) {
            super(message, cause);
        }

        public NotSent(String message) {
            super(message);
        }
    }
}
