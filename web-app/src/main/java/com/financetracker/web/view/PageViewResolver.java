package com.financetracker.web.view;

import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import gg.jte.springframework.boot.autoconfigure.JteProperties;
import gg.jte.springframework.boot.autoconfigure.JteView;
import gg.jte.springframework.boot.autoconfigure.JteViewResolver;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.view.AbstractUrlBasedView;

/**
 * Resolves the pages' templates as jte's own resolver does, but each page is rendered into memory, encoded once and
 * written to the response in one piece, with its length. Written straight to the response, each of a page's thousands
 * of small writes went through the session's and Spring Security's response wrappers, which count what was written.
 */
@Component
public class PageViewResolver extends JteViewResolver {

    private final TemplateEngine templateEngine;

    PageViewResolver(TemplateEngine templateEngine, JteProperties properties) {
        super(templateEngine, properties);
        this.templateEngine = templateEngine;
    }

    @Override
    protected AbstractUrlBasedView instantiateView() {
        return new BufferedView(templateEngine);
    }

    /** A jte page rendered into memory, then sent whole. */
    static final class BufferedView extends JteView {

        /** Characters reserved for a page: room for a fragment; a whole page (50 kB with 50 rows) grows it twice. */
        private static final int PAGE_SIZE = 16 * 1024;

        private final TemplateEngine templateEngine;

        BufferedView(TemplateEngine templateEngine) {
            super(templateEngine);
            this.templateEngine = templateEngine;
        }

        @Override
        protected void renderMergedTemplateModel(
                Map<String, Object> model, HttpServletRequest request, HttpServletResponse response) throws Exception {
            StringOutput output = new StringOutput(PAGE_SIZE);
            templateEngine.render(getUrl(), model, output);
            byte[] page = output.toString().getBytes(StandardCharsets.UTF_8);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.setContentLength(page.length);
            response.getOutputStream().write(page);
        }
    }
}
