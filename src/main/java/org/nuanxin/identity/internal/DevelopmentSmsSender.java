package org.nuanxin.identity.internal;

import org.nuanxin.identity.SmsSender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The SMS "gateway" of a developer's machine (profile {@code dev}, which {@code ./mvnw spring-boot:run} uses): writes
 * the message with its one-time code to the log and sends nothing. The code is the only personal datum this
 * application ever logs, and only here; the number is not logged.
 */
@Component
@Profile("dev")
class DevelopmentSmsSender implements SmsSender {

    private static final Logger log = LoggerFactory.getLogger(DevelopmentSmsSender.class);

    DevelopmentSmsSender() {
        log.warn("Profile 'dev': text messages are written to this log, not sent");
    }

    @Override
    public void send(String e164, String text) {
        log.info("Text message (profile dev, not sent): {}", text);
    }
}
