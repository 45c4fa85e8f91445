package org.nuanxin.organization.internal.enterprise;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code nuanxin.enterprise}; defaults documented in application.yaml.
 *
 * @param demoData "auto" (the demo registry and campaign on an empty embedded H2 database only, as the
 *     station demo data decides), "true" or "false"
 */
@ConfigurationProperties("nuanxin.enterprise")
record EnterpriseProperties(@DefaultValue("auto") String demoData) {}
