package org.nuanxin.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.nuanxin.kernel.FieldProblem;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The grid module started alone with the application's configuration: its photo intake is a bean, and its refusals
 * resolve to text through the application's message source (messages/grid is on spring.messages.basename).
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES)
@ActiveProfiles("test")
class GridModuleTest {

    @Autowired
    PhotoIntake intake;

    @Autowired
    MessageSource messages;

    @Test
    void aRefusalReadsInBothLanguages() {
        byte[] html = "<html><script>alert(1)</script>".getBytes(StandardCharsets.UTF_8);
        PhotoRejectedException e =
                catchThrowableOfType(PhotoRejectedException.class, () -> intake.accept(new ByteArrayInputStream(html)));

        FieldProblem problem = e.errors().get(0);
        assertThat(messages.getMessage(problem, Locale.SIMPLIFIED_CHINESE)).startsWith("收到的是网页");
        assertThat(messages.getMessage(problem, Locale.ENGLISH)).startsWith("The file received is a web page");
    }

    @Test
    void theConfiguredLimitsApply() {
        byte[] photo = TestPhotos.encode(TestPhotos.markedCorners(3000, 1500, 100), "png");

        SanitizedPhoto stored = intake.accept(new ByteArrayInputStream(photo));

        assertThat(stored.width()).isEqualTo(2048);
        assertThat(stored.height()).isEqualTo(1024);
    }
}
