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
import org.springframework.test.context.ContextConfiguration;

/**
 * A whole-application test on a real PostgreSQL: like {@link NuanxinTest} (profile {@code test}
 * for everything else) but {@code spring.datasource.*} points at a fresh database created by
 * {@link PostgresTestDatabase} for this Spring context (the local server on 127.0.0.1:5432, or an
 * embedded PostgreSQL when that is not running and {@code CI} is not {@code true}).
 *
 * <pre>{@code
 * @PostgresTest
 * class StationImportPostgresTest extends StationImportTest { }   // same tests, other database
 * }</pre>
 *
 * Contexts are cached as usual, so classes with the same configuration share one database.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest
@AutoConfigureMockMvc
@Import({TestClock.class, SmsInbox.class, PublishedEvents.class})
@ActiveProfiles("test")
@ContextConfiguration(initializers = PostgresTestDatabase.Initializer.class)
public @interface PostgresTest {

    /** As {@link SpringBootTest#webEnvironment()}. */
    @AliasFor(annotation = SpringBootTest.class)
    SpringBootTest.WebEnvironment webEnvironment() default SpringBootTest.WebEnvironment.MOCK;

    /** Extra {@code key=value} properties, as {@link SpringBootTest#properties()}. */
    @AliasFor(annotation = SpringBootTest.class)
    String[] properties() default {};
}
