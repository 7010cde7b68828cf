package com.financetracker.web.admin;

import com.financetracker.web.api.AnalyticsApi;
import com.financetracker.web.api.ApiProblemException;
import com.financetracker.web.api.Caller;
import com.financetracker.web.api.Page;
import com.financetracker.web.api.Profile;
import com.financetracker.web.api.UsersApi;
import com.financetracker.web.config.WebAppProperties;
import com.financetracker.web.session.Callers;
import com.financetracker.web.view.FormErrors;
import com.financetracker.web.view.Parallel;
import com.financetracker.web.view.Section;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/** Administrators: find users, disable or enable them, grant or revoke the administrator role; the usage dashboard. */
@Controller
class AdminController {

    static final int PAGE_SIZE = 50;

    private final UsersApi users;
    private final AnalyticsApi analytics;
    private final Callers callers;
    private final Parallel parallel;
    private final WebAppProperties properties;

    AdminController(
            UsersApi users, AnalyticsApi analytics, Callers callers, Parallel parallel, WebAppProperties properties) {
        this.users = users;
        this.analytics = analytics;
        this.callers = callers;
        this.parallel = parallel;
        this.properties = properties;
    }

    @GetMapping("/admin/users")
    String list(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @Nullable String notice,
            @RequestParam(required = false) @Nullable String problem,
            HttpServletRequest request,
            Model model) {
        Caller caller = callers.current();
        String search = q == null ? "" : q.strip();
        var page = parallel.start(() -> users.users(caller, search, cursor, PAGE_SIZE));
        var usage = parallel.start(() -> analytics.lastDay(caller));
        Section<Page<Profile>> listed = page.section();
        Section<AnalyticsApi.Usage.Totals> totals = usage.section();
        model.addAttribute("q", search);
        model.addAttribute("users", listed);
        model.addAttribute("usage", totals);
        model.addAttribute(
                "nextUrl",
                listed.ok() && listed.value().nextCursor() != null
                        ? UriComponentsBuilder.fromPath("/admin/users")
                                .queryParam("q", "{q}")
                                .queryParam("cursor", "{cursor}")
                                .build(search, listed.value().nextCursor())
                                .toString()
                        : null);
        model.addAttribute("dashboardUrl", dashboardUrl(request));
        model.addAttribute("notice", notice);
        model.addAttribute("problem", problem);
        model.addAttribute("me", Callers.signedIn().userId());
        return "admin/users";
    }

    /** One change to a user: {@code disable}, {@code enable}, {@code grant-admin} or {@code revoke-admin}. */
    @PostMapping("/admin/users/{id}")
    String change(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String action,
            @RequestParam(defaultValue = "") String q,
            RedirectAttributes redirect) {
        Caller caller = callers.current();
        Map<String, Object> patch = new LinkedHashMap<>();
        try {
            switch (action) {
                case "disable" -> patch.put("disabled", true);
                case "enable" -> patch.put("disabled", false);
                case "grant-admin", "revoke-admin" -> {
                    Profile user = users.user(caller, id);
                    List<String> roles = new ArrayList<>(user.roles());
                    roles.remove("ADMIN");
                    if (action.equals("grant-admin")) {
                        roles.add("ADMIN");
                    }
                    patch.put("roles", roles);
                }
                default -> {
                    redirect.addAttribute("problem", "Choose what to change.");
                    return "redirect:/admin/users";
                }
            }
            Profile changed = users.updateUser(caller, id, patch);
            redirect.addAttribute("notice", sentence(action, changed.email()));
        } catch (ApiProblemException e) {
            redirect.addAttribute(
                    "problem",
                    "self-lockout".equals(e.kind())
                            ? "You cannot disable yourself or remove your own administrator role."
                            : FormErrors.describe(e));
        }
        if (!q.isBlank()) {
            redirect.addAttribute("q", q.strip());
        }
        return "redirect:/admin/users";
    }

    private String dashboardUrl(HttpServletRequest request) {
        if (properties.dashboardUrl() != null
                && !properties.dashboardUrl().toString().isBlank()) {
            return properties.dashboardUrl().toString();
        }
        return UriComponentsBuilder.newInstance()
                .scheme(request.getScheme())
                .host(request.getServerName())
                .port(properties.analyticsUrl().getPort())
                .path("/")
                .toUriString();
    }

    private static String sentence(String action, String email) {
        return switch (action) {
            case "disable" -> email + " is disabled and can no longer log in.";
            case "enable" -> email + " can log in again.";
            case "grant-admin" -> email + " is now an administrator.";
            default -> email + " is no longer an administrator.";
        };
    }
}
