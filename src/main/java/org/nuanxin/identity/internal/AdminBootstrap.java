package org.nuanxin.identity.internal;

import java.security.SecureRandom;
import java.time.Clock;
import org.nuanxin.identity.OrganizationTree;
import org.nuanxin.identity.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * On the first start (no account at all) creates the administrator {@code admin} with the
 * configured password, or with a generated one that is printed once to the log and must be changed at the first
 * sign-in (like every one-time password: it has been in a log file). Later starts find
 * an account and do nothing, so the password never changes and is never printed again.
 */
@Component
@org.springframework.core.annotation.Order(
        org.springframework.core.Ordered.LOWEST_PRECEDENCE - 10) // before AdminRecovery
class AdminBootstrap implements ApplicationRunner {

    static final String ADMIN_USERNAME = "admin";
    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);
    // No 0/O/1/l/I: the password is read off a console and typed by hand.
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private final AccountRepository accounts;
    private final PasswordEncoder encoder;
    private final IdentityProperties properties;
    private final Clock clock;
    private final OrganizationTree tree;
    private final SecureRandom random = new SecureRandom();

    AdminBootstrap(
            AccountRepository accounts,
            PasswordEncoder encoder,
            IdentityProperties properties,
            Clock clock,
            OrganizationTree tree) {
        this.tree = tree;
        this.accounts = accounts;
        this.encoder = encoder;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        createAdminIfNoAccount();
    }

    /** Creates the first administrator when the table is empty; returns whether it did. */
    boolean createAdminIfNoAccount() {
        if (accounts.count() > 0) {
            return false;
        }
        boolean generated = properties.adminPassword().isBlank();
        String password = generated ? generatePassword() : properties.adminPassword();
        Passwords.problem("password", ADMIN_USERNAME, password).ifPresent(problem -> {
            throw new IllegalStateException("NUANXIN_ADMIN_PASSWORD (nuanxin.identity.admin-password) is refused ("
                    + problem.code() + "): the administrator's password needs at least " + Passwords.MIN_LENGTH
                    + " characters (a passphrase of several words is best), must not be a common password or"
                    + " the username. Set another one, or leave it empty to have one generated.");
        });
        try {
            accounts.insert(
                    ADMIN_USERNAME,
                    encoder.encode(password),
                    "系统管理员",
                    Role.CITY_ADMIN,
                    tree.rootId(),
                    generated, // a password that went through the log is changed at the first sign-in
                    clock.instant());
        } catch (DuplicateKeyException raceWithAnotherNode) {
            return false;
        }
        if (generated) {
            // The one secret this application ever logs, on purpose: there is no other way to hand it over.
            log.warn("""

                    ==================================================================
                      Nuanxin: first start, administrator account created.
                      username: {}
                      password: {}
                      This password is shown only once; the first sign-in asks for a new
                      one. Or set NUANXIN_ADMIN_PASSWORD before the first start.
                    ==================================================================""", ADMIN_USERNAME, password);
        } else {
            log.info("Administrator account '{}' created with the configured password", ADMIN_USERNAME);
        }
        return true;
    }

    private String generatePassword() {
        StringBuilder sb = new StringBuilder(20);
        for (int i = 0; i < 20; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
