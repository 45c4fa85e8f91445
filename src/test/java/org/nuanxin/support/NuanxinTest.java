package org.nuanxin.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AliasFor;
import org.springframework.test.context.ActiveProfiles;

/**
 * A whole-application test on a fresh in-memory H2 database (PostgreSQL mode), profile {@code test}
 * (see {@code src/test/resources/application-test.yaml}: no demo data, admin password
 * {@code test-admin-password-1}).
 *
 * Every such context has a {@code MockMvc} and a {@link MutableClock} (see {@link TestClock}).
 *
 * <pre>{@code
 * @NuanxinTest
 * class SecurityBaselineTest { @Autowired MockMvc mvc; ... }
 *
 * // The demo roster (5,444 stations), with a real server for Browser and HTTP tests and MockMvc for the rest:
 * @NuanxinTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "nuanxin.station.demo-data=true")
 * }</pre>
 *
 * Test classes with the same configuration share one cached context (and so one database): do
 * not rely on an empty table, or use {@code @DirtiesContext}. Each new combination of properties,
 * imports or web environment starts another application: reuse one of the two above unless a test
 * really needs its own. For PostgreSQL use {@link PostgresTest}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest
@AutoConfigureMockMvc
@Import({TestClock.class, SmsInbox.class, PublishedEvents.class})
@ActiveProfiles("test")
public @interface NuanxinTest {

    /** As {@link SpringBootTest#webEnvironment()}; MOCK by default, RANDOM_PORT for a real server. */
    @AliasFor(annotation = SpringBootTest.class)
    SpringBootTest.WebEnvironment webEnvironment() default SpringBootTest.WebEnvironment.MOCK;

    /** Extra {@code key=value} properties, as {@link SpringBootTest#properties()}. */
    @AliasFor(annotation = SpringBootTest.class)
    String[] properties() default {};
}
