package org.nuanxin.identity.internal;

import java.io.PrintStream;
import java.security.SecureRandom;
import org.nuanxin.audit.AuditLog;
import org.nuanxin.identity.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recovery of a lost administrator password, from the server's command line (README "Lost administrator
 * password"): started with {@code --nuanxin.identity.recover-admin=<username>} (or {@code NUANXIN_RECOVER_ADMIN}),
 * the application gives that administrator a generated one-time password, enables the account, prints the password
 * to the console (standard output, not the log; with the username only, no other personal data), records
 * {@code account.password.recovery} in the audit log (actor {@value #ACTOR}), and stops. At the next sign-in the
 * account can open nothing but the page to choose a new password ({@link AccountStillValidFilter}).
 *
 * <p>Whoever can start the application with a switch already holds its database credentials; the recovery gives
 * them nothing more, and the audit log shows it happened. Only an existing {@code ADMIN} can be recovered this way.
 */
@Component
@Order(
        org.springframework.core.Ordered
                .LOWEST_PRECEDENCE) // after AdminBootstrap, which creates the first administrator
class AdminRecovery implements ApplicationRunner {

    /** The audit log's actor of a recovery: nobody was signed in. */
    static final String ACTOR = "(command line)";

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(AdminRecovery.class);
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private final AccountRepository accounts;
    private final PasswordEncoder encoder;
    private final AuditLog audit;
    private final ConfigurableApplicationContext context;
    private final String username;
    private final SecureRandom random = new SecureRandom();

    AdminRecovery(
            AccountRepository accounts,
            PasswordEncoder encoder,
            AuditLog audit,
            ConfigurableApplicationContext context,
            @Value("${nuanxin.identity.recover-admin:}") String username) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.audit = audit;
        this.context = context;
        this.username = username.strip();
    }

    @Override
    public void run(ApplicationArguments args) {
        if (username.isEmpty()) {
            return;
        }
        int exitCode;
        try {
            String password = recover(username);
            print(System.out, username, password);
            exitCode = 0;
        } catch (IllegalArgumentException e) {
            log.error("Administrator recovery refused: {}", e.getMessage());
            exitCode = 2;
        }
        int code = exitCode;
        // A one-off command: the application stops, so a switch left in a start script cannot reset again and again.
        System.exit(SpringApplication.exit(context, () -> code));
    }

    /**
     * Gives an administrator a generated one-time password (20 characters without look-alikes) that must be changed
     * at the next sign-in, enables the account and records it in the audit log.
     *
     * @return the one-time password
     * @throws IllegalArgumentException when no account has this username or it is not an administrator
     */
    @Transactional
    String recover(String name) {
        Account account = accounts.findByUsername(name)
                .orElseThrow(() -> new IllegalArgumentException("no account is named '" + name + "'"));
        if (account.role() != Role.CITY_ADMIN) {
            throw new IllegalArgumentException(
                    "'" + name + "' is not an administrator: an administrator resets other accounts' passwords");
        }
        String password = generate();
        accounts.setOneTimePassword(account.id(), encoder.encode(password));
        audit.record(
                new AuditLog.Origin(ACTOR, "local"),
                "account.password.recovery",
                "account",
                account.username(),
                null,
                "one-time password, must be changed at sign-in");
        return password;
    }

    static void print(PrintStream out, String name, String password) {
        out.println();
        out.println("==================================================================");
        out.println("  Nuanxin: administrator password recovery");
        out.println("  username: " + name);
        out.println("  one-time password: " + password);
        out.println("  It must be changed at the first sign-in. Start the application");
        out.println("  again WITHOUT nuanxin.identity.recover-admin / NUANXIN_RECOVER_ADMIN.");
        out.println("==================================================================");
        out.flush();
    }

    private String generate() {
        StringBuilder sb = new StringBuilder(20);
        for (int i = 0; i < 20; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
