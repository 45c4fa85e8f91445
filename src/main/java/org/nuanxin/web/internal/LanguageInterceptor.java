package org.nuanxin.web.internal;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Switches the language on {@code ?lang=en} / {@code ?lang=zh-CN} (only these two; anything else is
 * ignored rather than producing a half-translated page) and gives every rendered page the links
 * that switch language while staying on the same page: model attributes {@code nxLangZhUrl},
 * {@code nxLangEnUrl} and the current path {@code nxPath} (for highlighting navigation).
 */
class LanguageInterceptor implements HandlerInterceptor {

    static final String PARAM = "lang";

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String lang = request.getParameter(PARAM);
        Locale locale = supported(lang);
        if (locale != null) {
            LocaleResolver resolver = RequestContextUtils.getLocaleResolver(request);
            if (resolver != null) {
                resolver.setLocale(request, response, locale);
            }
        }
        return true;
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler, ModelAndView mav) {
        if (mav == null || (mav.getViewName() != null && mav.getViewName().startsWith("redirect:"))) {
            return;
        }
        // On an error dispatch the page the user asked for is the original URI, not /error.
        Object original = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = original instanceof String s ? s : request.getRequestURI();
        String query = original instanceof String ? null : request.getQueryString();
        String withoutContext = path.substring(Math.min(request.getContextPath().length(), path.length()));
        mav.addObject("nxPath", withoutContext);
        mav.addObject("nxLangZhUrl", switchUrl(path, query, "zh-CN"));
        mav.addObject("nxLangEnUrl", switchUrl(path, query, "en"));
    }

    static String switchUrl(String path, String query, String lang) {
        return UriComponentsBuilder.fromPath(path)
                .query(query)
                .replaceQueryParam(PARAM, lang)
                .build()
                .toUriString();
    }

    static Locale supported(String lang) {
        if (lang == null || lang.isBlank()) {
            return null;
        }
        String l = lang.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        if (l.equals("en") || l.startsWith("en-")) {
            return Locale.ENGLISH;
        }
        if (l.equals("zh") || l.equals("zh-cn") || l.equals("zh-hans") || l.equals("zh-hans-cn")) {
            return Locale.SIMPLIFIED_CHINESE;
        }
        return null;
    }
}
