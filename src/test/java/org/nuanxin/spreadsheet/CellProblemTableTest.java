package org.nuanxin.spreadsheet;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * The table's storage is exercised through the imports that use it (StationImportTest: 1,400 problems across the
 * batch boundary stay in order; MassEnrollmentTest: problems by row in the result); here, that it builds SQL only
 * from plain names.
 */
class CellProblemTableTest {

    @Test
    void onlyPlainTableAndColumnNamesAreTakenIntoItsSql() {
        assertThatThrownBy(() -> new CellProblemTable(null, null, "station_import_problem; DROP TABLE x", "import_id"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CellProblemTable(null, null, "station_import_problem", "import_id = import_id OR"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
