package com.financetracker.users.account;

import com.financetracker.platform.security.AuthenticatedUser;
import com.financetracker.platform.web.MergePatch;
import com.financetracker.users.account.AccountRequests.ChangePassword;
import com.financetracker.users.account.AccountRequests.DeleteAccount;
import com.financetracker.users.account.AccountRequests.Register;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@Tag(name = "Account", description = "Registration and the signed-in user's own account")
@RestController
class AccountController {

    private final AccountService accounts;

    AccountController(AccountService accounts) {
        this.accounts = accounts;
    }

    @Operation(summary = "Create an account", description = "The email must not be registered yet (case-insensitive).")
    @SecurityRequirements
    @PostMapping(path = "/register", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<UserResponse> register(@Valid @RequestBody Register request, HttpServletRequest http) {
        User user = accounts.register(request, http.getRemoteAddr());
        return ResponseEntity.created(URI.create("/users/" + user.id())).body(UserResponse.of(user));
    }

    @Operation(summary = "The signed-in user's profile")
    @GetMapping("/users/me")
    UserResponse me(AuthenticatedUser user) {
        return UserResponse.of(accounts.current(user.id()));
    }

    @Operation(
            summary = "Edit the profile",
            description = "A JSON merge patch of {displayName, defaultCurrency}; null clears the default currency.")
    @PatchMapping(
            path = "/users/me",
            consumes = {MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON_VALUE})
    UserResponse updateMe(AuthenticatedUser user, @RequestBody JsonNode patch) {
        return UserResponse.of(accounts.updateProfile(user.id(), patch));
    }

    @Operation(summary = "Change the password", description = "Ends every other session of the user.")
    @PutMapping(path = "/users/me/password", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Void> changePassword(
            AuthenticatedUser user, @AuthenticationPrincipal Jwt token, @Valid @RequestBody ChangePassword request) {
        accounts.changePassword(user.id(), request, session(token));
        return ResponseEntity.noContent().build();
    }

    @Operation(
            summary = "Delete the account",
            description = "Needs the password. The account is gone at once; other services purge the user's data"
                    + " shortly after.")
    @DeleteMapping(path = "/users/me", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Void> deleteMe(AuthenticatedUser user, @Valid @RequestBody DeleteAccount request) {
        accounts.delete(user.id(), request.password());
        return ResponseEntity.noContent().build();
    }

    private static @Nullable UUID session(Jwt token) {
        String sid = token.getClaimAsString("sid");
        try {
            return sid == null ? null : UUID.fromString(sid);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
