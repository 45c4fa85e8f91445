package org.nuanxin.grid.open311;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Absolute addresses in Open311 answers (the endpoint's URL in discovery, a request's {@code media_url}). Built on
 * {@code nuanxin.public-url} when it is set (as the membership card's links are, so a forged {@code Host} header
 * never ends up in an answer that other systems store), else on the request's scheme, host and port as the
 * container resolved them.
 */
@Component
class Open311Links {

    private final String publicUrl;

    Open311Links(@Value("${nuanxin.public-url:}") String publicUrl) {
        String url = publicUrl.strip();
        this.publicUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** @return the endpoint's base, e.g. {@code https://nuanxin.example.cn/open311/v2} */
    String endpoint() {
        return base().path("/open311/v2").toUriString();
    }

    /** @return the address of a report photo, {@code …/m/reports/photos/{key}} (served by the worker pages) */
    String photo(String key) {
        return base().path("/m/reports/photos/{key}").buildAndExpand(key).toUriString();
    }

    /** @return the console page where API keys are issued */
    String keyService() {
        return base().path("/console/grid/api-keys").toUriString();
    }

    private UriComponentsBuilder base() {
        return publicUrl.isEmpty()
                ? ServletUriComponentsBuilder.fromCurrentContextPath()
                : UriComponentsBuilder.fromUriString(publicUrl);
    }
}
