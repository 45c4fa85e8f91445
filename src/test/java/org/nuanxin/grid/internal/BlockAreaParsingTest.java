package org.nuanxin.grid.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.geom.Geometry;
import org.nuanxin.kernel.FieldProblem;
import org.nuanxin.kernel.InvalidInputException;

/** What staff may paste or draw as a block's area, and the problem named for everything else. */
class BlockAreaParsingTest {

    @Test
    void aGeoJsonPolygonAndItsWktAreTheSameArea() {
        Geometry fromJson = BlockDirectory.parseArea("{\"type\":\"Polygon\",\"coordinates\":"
                + "[[[106.57,29.55],[106.58,29.55],[106.58,29.56],[106.57,29.56],[106.57,29.55]]]}");
        Geometry fromWkt = BlockDirectory.parseArea(
                "POLYGON ((106.57 29.55, 106.58 29.55, 106.58 29.56, 106.57 29.56, 106.57 29.55))");

        assertThat(fromJson.equalsTopo(fromWkt)).isTrue();
        assertThat(fromWkt.getArea()).isCloseTo(1e-4, org.assertj.core.data.Offset.offset(1e-9));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "''|grid.block.area.required",
                "POLYGON ((106.57 29.55, 106.58 29.55, 106.58 29.56, 106.57 29.56))|grid.block.area.notClosed",
                "POLYGON ((106.57 29.55, 106.58 29.56, 106.58 29.55, 106.57 29.56, 106.57 29.55))|grid.block.area.invalid",
                "POINT (106.57 29.55)|grid.block.area.notPolygon",
                "<svg onload=alert(1)>|grid.block.area.unreadable",
            })
    void everyOtherAreaIsRefusedNamingWhatIsWrong(String text, String code) {
        InvalidInputException e =
                catchThrowableOfType(InvalidInputException.class, () -> BlockDirectory.parseArea(text));

        assertThat(e.errors())
                .extracting(FieldProblem::field, FieldProblem::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("area", code));
    }

    @Test
    void tooManyCornersAreRefusedBeforeTheValidityCheck() {
        StringBuilder wkt = new StringBuilder("POLYGON ((");
        for (int i = 0; i <= BlockService.MAX_VERTICES; i++) {
            double a = 2 * Math.PI * i / (BlockService.MAX_VERTICES + 1);
            wkt.append(106.57 + 0.01 * Math.cos(a))
                    .append(' ')
                    .append(29.55 + 0.01 * Math.sin(a))
                    .append(", ");
        }
        wkt.append(106.58).append(' ').append(29.55).append("))");

        InvalidInputException e =
                catchThrowableOfType(InvalidInputException.class, () -> BlockDirectory.parseArea(wkt.toString()));

        assertThat(e.errors()).extracting(FieldProblem::code).containsExactly("grid.block.area.tooManyVertices");
    }
}
