package com.financetracker.users.account;

import com.financetracker.users.config.UserServiceProperties;
import java.util.EnumSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Creates the first administrator from {@code FINANCE_ADMIN_EMAIL} / {@code FINANCE_ADMIN_PASSWORD} when there is no
 * administrator yet. It never promotes an existing account: registration is open and emails are not verified, so
 * whoever registered the configured email would otherwise become an administrator at the next start. (Registration
 * refuses that email, so only an account made before it was configured can hold it.)
 */
@Component
class AdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final UserServiceProperties properties;
    private final UserRepository users;
    private final PasswordEncoder passwords;

    AdminBootstrap(UserServiceProperties properties, UserRepository users, PasswordEncoder passwords) {
        this.properties = properties;
        this.users = users;
        this.passwords = passwords;
    }

    @Override
    public void run(ApplicationArguments args) {
        UserServiceProperties.Admin admin = properties.admin();
        if (!admin.configured()) {
            log.info("No FINANCE_ADMIN_EMAIL configured: no administrator is created");
            return;
        }
        String email = AccountService.normalizeEmail(admin.email());
        String displayName = email.substring(0, Math.max(1, email.indexOf('@')));
        if (users.anyAdministrator()) {
            log.info("An administrator exists: FINANCE_ADMIN_EMAIL is not used");
            return;
        }
        if (users.insertIfAbsent(email, displayName, passwords.encode(admin.password()), EnumSet.allOf(Role.class))) {
            log.info("Created administrator {}", email);
            return;
        }
        log.warn(
                "No administrator exists, and an ordinary account already has FINANCE_ADMIN_EMAIL {}: it is not made"
                        + " administrator. Configure another email, or grant the role in the database.",
                email);
    }
}
