package org.nuanxin;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;

/** Entry point of the Nuanxin platform: one deployable, one application module per capability. */
@SpringBootApplication
@ConfigurationPropertiesScan
@Modulithic(
        systemName = "Nuanxin",
        sharedModules = {"kernel", "web", "spreadsheet"})
// Spring instantiates the application class (a @Configuration), so it keeps its constructor.
@SuppressWarnings("checkstyle:HideUtilityClassConstructor")
public class NuanxinApplication {

    public static void main(String[] args) {
        SpringApplication.run(NuanxinApplication.class, args);
    }
}
