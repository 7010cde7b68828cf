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
 * Creates the first administrator from {@code FINANCE_ADMIN_EMAIL} / {@code FINANCE_ADMIN_PASSWORD} when no account
 * has that email. An existing account keeps its password (it may have been changed since) and gets the ADMIN role.
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
        if (users.insertIfAbsent(email, displayName, passwords.encode(admin.password()), EnumSet.allOf(Role.class))) {
            log.info("Created administrator {}", email);
            return;
        }
        users.findByEmail(email).filter(existing -> !existing.isAdmin()).ifPresent(existing -> {
            EnumSet<Role> roles = EnumSet.copyOf(existing.roles());
            roles.add(Role.ADMIN);
            users.updateAccess(existing.id(), roles, existing.disabled());
            log.info("Granted ADMIN to existing account {}", email);
        });
    }
}
