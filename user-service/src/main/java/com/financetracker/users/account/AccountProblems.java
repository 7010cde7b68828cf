package com.financetracker.users.account;

import com.financetracker.platform.web.ProblemException;
import com.financetracker.platform.web.ProblemType;
import java.util.UUID;
import org.springframework.http.HttpStatus;

/** The problems the account endpoints answer with. */
public final class AccountProblems {

    private AccountProblems() {}

    static final class EmailTakenException extends ProblemException {
        EmailTakenException() {
            super(
                    HttpStatus.CONFLICT,
                    "email-taken",
                    "Email already registered",
                    "An account with this email already exists");
        }
    }

    /** Wrong email or wrong password: deliberately the same answer for both. */
    public static final class InvalidCredentialsException extends ProblemException {
        InvalidCredentialsException() {
            super(
                    HttpStatus.UNAUTHORIZED,
                    "invalid-credentials",
                    "Invalid credentials",
                    "The email or password is incorrect");
        }
    }

    /** The password was right but an administrator has disabled the account. */
    public static final class AccountDisabledException extends ProblemException {
        AccountDisabledException() {
            super(
                    HttpStatus.FORBIDDEN,
                    "account-disabled",
                    "Account disabled",
                    "This account has been disabled by an administrator");
        }
    }

    static final class WrongPasswordException extends ProblemException {
        WrongPasswordException() {
            super(HttpStatus.FORBIDDEN, "wrong-password", "Wrong password", "The current password is incorrect");
        }
    }

    static final class UserNotFoundException extends ProblemException {
        private UserNotFoundException(String detail) {
            super(ProblemType.NOT_FOUND, detail);
        }

        static UserNotFoundException forId(UUID id) {
            return new UserNotFoundException("No user with id " + id);
        }

        static UserNotFoundException currentUser() {
            return new UserNotFoundException("This account no longer exists");
        }
    }

    static final class SelfLockoutException extends ProblemException {
        SelfLockoutException() {
            super(
                    HttpStatus.CONFLICT,
                    "self-lockout",
                    "Cannot lock yourself out",
                    "An administrator cannot disable their own account or remove their own ADMIN role");
        }
    }
}
