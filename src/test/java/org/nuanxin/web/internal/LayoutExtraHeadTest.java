package org.nuanxin.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockServletContext;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.templateresolver.StringTemplateResolver;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/** Both layouts accept the short call and the named call with optional extra head elements. */
class LayoutExtraHeadTest {

    private final SpringTemplateEngine engine = new SpringTemplateEngine();

    LayoutExtraHeadTest() {
        ClassLoaderTemplateResolver files = new ClassLoaderTemplateResolver();
        files.setPrefix("templates/");
        files.setSuffix(".html");
        files.setTemplateMode(TemplateMode.HTML);
        files.setCharacterEncoding("UTF-8");
        files.setCheckExistence(true);
        files.setOrder(1);
        StringTemplateResolver strings = new StringTemplateResolver();
        strings.setOrder(2);
        engine.addTemplateResolver(files);
        engine.addTemplateResolver(strings);
    }

    private String render(String page) {
        // Links like @{/css/x.css} need a web context.
        MockServletContext servletContext = new MockServletContext();
        var exchange = JakartaServletWebApplication.buildApplication(servletContext)
                .buildExchange(new MockHttpServletRequest(servletContext), new MockHttpServletResponse());
        return engine.process(page, new WebContext(exchange, Locale.SIMPLIFIED_CHINESE));
    }

    @Test
    void shortCall() {
        for (String layout : new String[] {"console", "mobile"}) {
            String html = render("<html th:replace=\"~{layout/" + layout + " :: layout(~{::title}, ~{::main})}\">"
                    + "<head><title>T</title></head><body><main id=\"page\">hello</main></body></html>");
            assertThat(html)
                    .contains("<title>T</title>")
                    .contains("<main id=\"page\">hello</main>")
                    .contains("lang=\"zh-CN\"")
                    .doesNotContain("extra.css");
        }
    }

    @Test
    void namedCallWithExtraHead() {
        for (String layout : new String[] {"console", "mobile"}) {
            String html = render("<html th:replace=\"~{layout/" + layout
                    + " :: layout(title=~{::title}, content=~{::main}, extraHead=~{::head/link})}\">"
                    + "<head><title>T</title><link rel=\"stylesheet\" href=\"/extra.css\"></head>"
                    + "<body><main>hello</main></body></html>");
            assertThat(html).contains("href=\"/extra.css\"").contains("<main>hello</main>");
            assertThat(html.indexOf("/extra.css")).isLessThan(html.indexOf("</head>"));
        }
    }
}
