package org.nuanxin.identity.internal;

import jakarta.servlet.MultipartConfigElement;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.servlet.MultipartConfigFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/**
 * The container's multipart ceiling: every part may be as large as the whole request
 * ({@code spring.servlet.multipart.max-request-size}); the per-file limit ({@code max-file-size}) is checked by
 * {@link UploadLimitFilter} once the body has been read, so that a file over it is answered with the friendly 413 on
 * a connection that has nothing left to read (the container's own per-file check stopped in the middle of the body,
 * and the connection was reset under the client). Replaces Spring Boot's multipart configuration.
 */
@Configuration(proxyBeanMethods = false)
class MultipartConfiguration {

    @Bean
    MultipartConfigElement multipartConfigElement(
            @Value("${spring.servlet.multipart.max-request-size:32MB}") DataSize maxRequestSize,
            @Value("${spring.servlet.multipart.file-size-threshold:0B}") DataSize threshold) {
        MultipartConfigFactory factory = new MultipartConfigFactory();
        factory.setMaxFileSize(maxRequestSize);
        factory.setMaxRequestSize(maxRequestSize);
        factory.setFileSizeThreshold(threshold);
        return factory.createMultipartConfig();
    }
}
