package com.financetracker.users.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.financetracker.platform.security.Roles;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The account and administration endpoints' binding, validation and error mapping, without a database. */
// the service's access rules (its SecurityConfiguration), without what needs a database
@WebMvcTest(
        controllers = {AccountController.class, AdminUserController.class},
        includeFilters =
                @ComponentScan.Filter(type = FilterType.REGEX, pattern = ".*\\.config\\..*SecurityConfiguration"))
class AccountWebTest {

    static final UUID USER = UUID.fromString("00000000-0000-0000-0000-000000000001");

    @Autowired
    MockMvc mvc;

    @MockitoBean
    AccountService accounts;

    @MockitoBean
    UserAdministration administration;

    @Test
    void registrationNamesEveryInvalidFieldAndRegistersNobody() throws Exception {
        mvc.perform(post("/register")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\":\"not-an-email\",\"password\":\"short\",\"displayName\":\"a\\u0007b\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:finance-tracker:problem:validation"))
                .andExpect(jsonPath("$.errors[*].field")
                        .value(org.hamcrest.Matchers.containsInAnyOrder("email", "password", "displayName")))
                .andExpect(
                        jsonPath("$.errors[?(@.field == 'password')].message").value("must have 8 to 128 characters"));
        verifyNoInteractions(accounts);
    }

    @Test
    void registrationRefusesUnknownFieldsAndOtherContentTypes() throws Exception {
        mvc.perform(post("/register")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\":\"a@example.com\",\"password\":\"long enough\",\"admin\":true}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("admin"))
                .andExpect(jsonPath("$.errors[0].message").value("is not a known field"));
        mvc.perform(post("/register").contentType(MediaType.TEXT_PLAIN).content("hello"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.type").value("urn:finance-tracker:problem:unsupported-media-type"));
        verifyNoInteractions(accounts);
    }

    @Test
    void aRegisteredUserIsAnsweredWithItsLocationAndProfile() throws Exception {
        when(accounts.register(any(), any())).thenReturn(user(Set.of(Role.USER)));

        mvc.perform(post("/register")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\":\" a@example.com \",\"password\":\"long enough\"}"))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/users/" + USER))
                .andExpect(jsonPath("$.email").value("a@example.com"))
                .andExpect(jsonPath("$.roles[0]").value("USER"));
    }

    @Test
    void theProfileNeedsAUsersToken() throws Exception {
        mvc.perform(get("/users/me"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.type").value("urn:finance-tracker:problem:unauthorized"));
        mvc.perform(get("/users/me").with(service()))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("urn:finance-tracker:problem:forbidden"));
        verifyNoInteractions(accounts);
    }

    @Test
    void deletingTheAccountNeedsThePassword() throws Exception {
        mvc.perform(delete("/users/me")
                        .with(user())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("password"));
        verifyNoInteractions(accounts);
    }

    @Test
    void aProfilePatchIsHandedOnAsItCame() throws Exception {
        when(accounts.updateProfile(eq(USER), any())).thenReturn(user(Set.of(Role.USER)));

        mvc.perform(patch("/users/me")
                        .with(user())
                        .contentType("application/merge-patch+json")
                        .content("{\"defaultCurrency\":\"EUR\"}"))
                .andExpect(status().isOk());

        verify(accounts).updateProfile(eq(USER), any());
    }

    @Test
    void onlyAdministratorsListUsersAndWithinBounds() throws Exception {
        mvc.perform(get("/users").with(user())).andExpect(status().isForbidden());
        mvc.perform(get("/users?limit=0").with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("limit"));
        mvc.perform(get("/users?cursor=%%%").with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("cursor"));
        verifyNoInteractions(administration);
    }

    @Test
    void aFullPageLinksToTheNext() throws Exception {
        when(administration.list(null, null, 1))
                .thenReturn(new UserAdministration.Page(List.of(user(Set.of(Role.USER))), "a@example.com"));

        String link = mvc.perform(get("/users?limit=1").with(admin()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getHeader("Link");

        assertThat(link).isEqualTo("</users?limit=1&cursor=YUBleGFtcGxlLmNvbQ>; rel=\"next\"");
    }

    private static User user(Set<Role> roles) {
        Instant created = Instant.parse("2026-11-29T00:00:00Z");
        return new User(USER, "a@example.com", "A", "hash", roles, null, false, created, created);
    }

    private static JwtRequestPostProcessor user() {
        return jwt().jwt(token -> token.subject(USER.toString()).claim(Roles.CLAIM, List.of(Roles.USER)))
                .authorities(new SimpleGrantedAuthority("ROLE_" + Roles.USER));
    }

    private static JwtRequestPostProcessor admin() {
        return jwt().jwt(token -> token.subject(USER.toString()).claim(Roles.CLAIM, List.of(Roles.USER, Roles.ADMIN)))
                .authorities(
                        new SimpleGrantedAuthority("ROLE_" + Roles.USER),
                        new SimpleGrantedAuthority("ROLE_" + Roles.ADMIN));
    }

    private static JwtRequestPostProcessor service() {
        return jwt().jwt(token -> token.subject("expense-service").claim(Roles.CLAIM, List.of(Roles.SERVICE)))
                .authorities(new SimpleGrantedAuthority("ROLE_" + Roles.SERVICE));
    }
}
