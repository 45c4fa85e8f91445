package org.nuanxin.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nuanxin.identity.SmsSender;

/**
 * The SMS gateway of every {@link NuanxinTest} and {@link PostgresTest} context (imported as a bean): a recording fake of the external
 * gateway (which cannot run here). It keeps the messages per number, so a test reads the sign-in code a worker would
 * receive:
 *
 * <pre>{@code
 * @Autowired SmsInbox inbox;
 * ... POST /m/signin/code mobile=13800138000 ...
 * String code = inbox.lastCode("+8613800138000").orElseThrow();
 * }</pre>
 *
 * {@link #failing(boolean)} makes the gateway refuse (a test puts it back).
 */
public class SmsInbox implements SmsSender {

    private static final Pattern CODE = Pattern.compile("(?<!\\d)(\\d{6})(?!\\d)");

    /**
     * One message.
     *
     * @param e164 the number it went to
     * @param text the message
     */
    public record Message(String e164, String text) {}

    private final List<Message> messages = new ArrayList<>();
    private volatile boolean failing;

    @Override
    public synchronized void send(String e164, String text) {
        if (failing) {
            throw new NotSent("the test gateway refuses");
        }
        messages.add(new Message(e164, text));
    }

    /** @return the messages sent to a number (E.164), oldest first */
    public synchronized List<Message> to(String e164) {
        return messages.stream().filter(m -> m.e164().equals(e164)).toList();
    }

    /** @return the six-digit code of the last message to a number (E.164), or empty when none was sent */
    public synchronized Optional<String> lastCode(String e164) {
        List<Message> mine = to(e164);
        if (mine.isEmpty()) {
            return Optional.empty();
        }
        Matcher m = CODE.matcher(mine.get(mine.size() - 1).text());
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** Makes the gateway refuse every message ({@link SmsSender.NotSent}) or accept them again. */
    public void failing(boolean refuse) {
        this.failing = refuse;
    }
}
