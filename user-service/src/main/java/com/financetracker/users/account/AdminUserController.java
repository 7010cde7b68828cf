package com.financetracker.users.account;

import com.financetracker.platform.security.AuthenticatedUser;
import com.financetracker.platform.web.MergePatch;
import com.financetracker.platform.web.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;

@Tag(name = "User administration", description = "For administrators only")
@RestController
@RequestMapping("/users")
class AdminUserController {

    private final UserAdministration administration;

    AdminUserController(UserAdministration administration) {
        this.administration = administration;
    }

    @Operation(
            summary = "List users",
            description = "In email order. q filters on email or display name (case-insensitive); the next page is"
                    + " in the Link header.")
    @GetMapping
    ResponseEntity<List<UserResponse>> list(
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit,
            @RequestParam(required = false) @Size(max = 500) @Nullable String cursor,
            @RequestParam(required = false) @Size(max = 254) @Nullable String q) {
        UserAdministration.Page page = administration.list(blankToNull(q), decodeCursor(cursor), limit);
        ResponseEntity.BodyBuilder response = ResponseEntity.ok();
        if (page.lastEmail() != null) {
            String next = UriComponentsBuilder.fromPath("/users")
                    .queryParam("limit", limit)
                    .queryParamIfPresent("q", java.util.Optional.ofNullable(blankToNull(q)))
                    .queryParam("cursor", encodeCursor(page.lastEmail()))
                    .encode()
                    .toUriString();
            response.header(HttpHeaders.LINK, "<" + next + ">; rel=\"next\"");
        }
        return response.body(page.users().stream().map(UserResponse::of).toList());
    }

    @Operation(summary = "One user")
    @GetMapping("/{id}")
    UserResponse get(@PathVariable UUID id) {
        return UserResponse.of(administration.get(id));
    }

    @Operation(
            summary = "Change a user's roles or disable the account",
            description = "A JSON merge patch of {roles, disabled}. A disabled user can neither log in nor refresh;"
                    + " an administrator cannot disable themselves or drop their own ADMIN role.")
    @PatchMapping(
            path = "/{id}",
            consumes = {MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON_VALUE})
    UserResponse update(AuthenticatedUser admin, @PathVariable UUID id, @RequestBody JsonNode patch) {
        return UserResponse.of(administration.update(admin.id(), id, patch));
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static String encodeCursor(String email) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(email.getBytes(StandardCharsets.UTF_8));
    }

    private static @Nullable String decodeCursor(@Nullable String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("cursor", "is not a cursor this service issued");
        }
    }
}
