package org.nuanxin.web.internal;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The title and description shown at /v3/api-docs and in Swagger UI. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI nuanxinOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Nuanxin (暖新) API")
                        .version("v1")
                        .description(
                                "Union stations and the nearest-station finder of the 15-minute service circle. "
                                        + "Coordinates are WGS-84 degrees unless a crs parameter says otherwise (gcj02, bd09); "
                                        + "distances are metres; errors are RFC 9457 problem details whose errors list names each field.")
                        .license(new License().name("Data: see README, section \"Where the data came from\"")));
    }
}
