package org.nuanxin.grid.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import org.junit.jupiter.api.Test;
import org.nuanxin.grid.PhotoIntake;
import org.nuanxin.grid.PhotoLimits;
import org.nuanxin.grid.PhotoRejectedException;
import org.nuanxin.grid.TestPhotos;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class GridConfigurationTest {

    private final ApplicationContextRunner context =
            new ApplicationContextRunner().withUserConfiguration(GridConfiguration.class);

    @Test
    void limitsComeFromProperties() {
        context.withPropertyValues(
                        "nuanxin.grid.photos.max-bytes=1MB",
                        "nuanxin.grid.photos.max-pixels=10000",
                        "nuanxin.grid.photos.max-edge=50")
                .run(ctx -> {
                    assertThat(ctx).hasSingleBean(PhotoIntake.class);
                    assertThat(ctx.getBean(GridPhotoProperties.class).limits())
                            .isEqualTo(new PhotoLimits(1024 * 1024, 10_000, 50));
                    PhotoIntake intake = ctx.getBean(PhotoIntake.class);
                    byte[] small = TestPhotos.encode(TestPhotos.markedCorners(80, 40, 8), "png");
                    assertThat(intake.accept(new ByteArrayInputStream(small)).width())
                            .isEqualTo(50);
                    byte[] large = TestPhotos.encode(TestPhotos.markedCorners(200, 100, 8), "png");
                    assertThat(catchThrowableOfType(
                                            PhotoRejectedException.class,
                                            () -> intake.accept(new ByteArrayInputStream(large)))
                                    .reason())
                            .isEqualTo(PhotoRejectedException.Reason.TOO_MANY_PIXELS);
                });
    }

    @Test
    void defaultsMatchTheDocumentedLimits() {
        context.run(ctx ->
                assertThat(ctx.getBean(GridPhotoProperties.class).limits()).isEqualTo(PhotoLimits.defaults()));
    }
}
