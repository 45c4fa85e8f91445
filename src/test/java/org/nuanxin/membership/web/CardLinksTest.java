package org.nuanxin.membership.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** The address in a card's QR code: the configured public URL whatever the request's Host says. */
class CardLinksTest {

    @AfterEach
    void noRequest() {
        RequestContextHolder.resetRequestAttributes();
    }

    private static void request(String host) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/m/member/card");
        request.addHeader("Host", host);
        request.addHeader("X-Forwarded-Host", "evil.example");
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
    }

    @Test
    void withThePublicUrlAForgedHostIsNotOnTheCard() {
        request("evil.example");
        assertThat(new CardLinks("https://nuanxin.example.cn").verify("abc.def"))
                .isEqualTo("https://nuanxin.example.cn/m/verify/abc.def");
        assertThat(new CardLinks(" https://nuanxin.example.cn/ ").verify("abc.def"))
                .isEqualTo("https://nuanxin.example.cn/m/verify/abc.def");
    }

    @Test
    void withoutItTheHostAsTheContainerResolvedItAndNoForwardedHeaderOfItsOwn() {
        request("nuanxin.test:8443");
        assertThat(new CardLinks("").verify("abc.def")).isEqualTo("http://nuanxin.test:8443/m/verify/abc.def");
    }

    @Test
    void aPublicUrlThatIsNotAnAbsoluteWebAddressStopsTheStart() {
        for (String wrong : new String[] {"nuanxin.example.cn", "ftp://nuanxin.example.cn", "https://x.cn/?a=1"}) {
            assertThatThrownBy(() -> new CardLinks(wrong))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("nuanxin.public-url");
        }
    }
}
