package org.nuanxin.geo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ChinaOffsetsTest {

    @Test
    void oneStepInverseIsOffByMoreThan1e5SomewhereInChongqingWhileIterationStaysWithin1e7() {
        SplittableRandom random = new SplittableRandom(42);
        double worstOneStep = 0;
        double worstIterative = 0;
        for (int i = 0; i < 5_000; i++) {
            double lng = random.nextDouble(105.28, 110.20);
            double lat = random.nextDouble(28.16, 32.21);
            double[] gcj = ChinaOffsets.wgs84ToGcj02(lng, lat);
            double[] oneStep = ChinaOffsets.gcj02ToWgs84OneStep(gcj[0], gcj[1]);
            double[] iterative = ChinaOffsets.gcj02ToWgs84(gcj[0], gcj[1]);
            worstOneStep = Math.max(worstOneStep, Math.max(Math.abs(oneStep[0] - lng), Math.abs(oneStep[1] - lat)));
            worstIterative =
                    Math.max(worstIterative, Math.max(Math.abs(iterative[0] - lng), Math.abs(iterative[1] - lat)));
        }
        assertThat(worstOneStep).isGreaterThan(1e-5);
        assertThat(worstIterative).isLessThan(1e-7);
    }

    @Test
    void inverseReproducesTheGcjInputWithinItsStoppingTolerance() {
        double[] wgs = ChinaOffsets.gcj02ToWgs84(106.5515641, 29.563013);
        double[] gcj = ChinaOffsets.wgs84ToGcj02(wgs[0], wgs[1]);
        assertThat(Math.abs(gcj[0] - 106.5515641)).isLessThan(ChinaOffsets.INVERSE_TOLERANCE_DEGREES);
        assertThat(Math.abs(gcj[1] - 29.563013)).isLessThan(ChinaOffsets.INVERSE_TOLERANCE_DEGREES);
    }

    @Test
    void outOfChinaUsesThePublishedRectangle() {
        assertThat(ChinaOffsets.outOfChina(106.5, 29.5)).isFalse();
        assertThat(ChinaOffsets.outOfChina(72.003, 30)).isTrue();
        assertThat(ChinaOffsets.outOfChina(72.005, 30)).isFalse();
        assertThat(ChinaOffsets.outOfChina(137.8348, 30)).isTrue();
        assertThat(ChinaOffsets.outOfChina(110, 0.8292)).isTrue();
        assertThat(ChinaOffsets.outOfChina(110, 55.8272)).isTrue();
        assertThat(ChinaOffsets.wgs84ToGcj02(183, 45)).containsExactly(183, 45);
        assertThat(ChinaOffsets.gcj02ToWgs84(183, 45)).containsExactly(183, 45);
    }
}
