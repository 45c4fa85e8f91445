package org.nuanxin.membership.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The absolute address a card's QR code holds ({@code /m/verify/<token>}). Built on {@code nuanxin.public-url}
 * when it is set, so a forged {@code Host} header never ends up on a card; else on the request's scheme, host and
 * port as the container resolved them: {@code X-Forwarded-Proto/-Host} count only from the proxies of
 * {@code server.tomcat.remoteip.internal-proxies} ({@code server.forward-headers-strategy: native}; Spring reads
 * no forwarded header itself), the {@code Host} header as sent otherwise.
 */
@Component
class CardLinks {

    private final String publicUrl;

    /**
     * @param publicUrl the site's public address, e.g. {@code https://nuanxin.example.cn}, or empty
     * @throws IllegalStateException when it is set but not an absolute http(s) address without query or fragment
     */
    CardLinks(@Value("${nuanxin.public-url:}") String publicUrl) {
        this.publicUrl = checked(publicUrl.strip());
    }

    /** @return the verification address of {@code token}, e.g. {@code https://nuanxin.example.cn/m/verify/…} */
    String verify(String token) {
        UriComponentsBuilder base = publicUrl.isEmpty()
                ? ServletUriComponentsBuilder.fromCurrentContextPath()
                : UriComponentsBuilder.fromUriString(publicUrl);
        return base.path("/m/verify/{token}").buildAndExpand(token).toUriString();
    }

    private static String checked(String url) {
        if (url.isEmpty()) {
            return url;
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("https") || scheme.equals("http"))
                    && uri.getHost() != null
                    && uri.getRawQuery() == null
                    && uri.getRawFragment() == null
                    && uri.getRawUserInfo() == null) {
                return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
            }
        } catch (URISyntaxException e) {
            // Reported below, with the value.
        }
        throw new IllegalStateException("nuanxin.public-url (NUANXIN_PUBLIC_URL) must be an absolute http(s) address"
                + " such as https://nuanxin.example.cn, not \"" + url + "\"");
    }
}
