package org.nuanxin.grid.internal;

import org.nuanxin.grid.PhotoIntake;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Beans of the grid module; photo limits come from nuanxin.grid.photos.*, the SLA from nuanxin.grid.*. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({GridPhotoProperties.class, GridProperties.class})
class GridConfiguration {

    @Bean
    PhotoIntake photoIntake(GridPhotoProperties properties) {
        return new DefaultPhotoIntake(properties.limits());
    }
}
