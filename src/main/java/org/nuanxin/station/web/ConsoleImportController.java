package org.nuanxin.station.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.util.Locale;
import org.nuanxin.geo.CoordinateSystem;
import org.nuanxin.kernel.Paging;
import org.nuanxin.station.StationImportStatus;
import org.nuanxin.station.StationImports;
import org.nuanxin.station.StationPermissions;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/**
 * Roster import in the console: upload, a preview that lists every problem by row and column,
 * then an all-or-nothing commit. Long work reports progress, polled by htmx.
 */
@Controller
@RequestMapping("/console/stations/import")
class ConsoleImportController {

    private static final int PAGE_SIZE = 100;

    private final StationImports imports;
    private final DataSize maxFileSize;
    private final StationPermissions permissions;

    ConsoleImportController(
            StationImports imports,
            @Value("${nuanxin.spreadsheet.max-file-size:10MB}") DataSize maxFileSize,
            StationPermissions permissions) {
        this.imports = imports;
        this.maxFileSize = maxFileSize;
        this.permissions = permissions;
    }

    @GetMapping
    String form(Model model) {
        permissions.check(StationPermissions.Action.IMPORT);
        model.addAttribute("crsList", CoordinateSystem.values());
        return "station/import";
    }

    @PostMapping
    String upload(
            @RequestParam("file") MultipartFile file,
            @RequestParam(required = false) String defaultCrs,
            Principal user,
            Locale locale)
            throws IOException {
        permissions.check(StationPermissions.Action.IMPORT);
        if (file.isEmpty()) {
            return "redirect:/console/stations/import?"
                    + (file.getOriginalFilename() == null
                                    || file.getOriginalFilename().isBlank()
                            ? "empty"
                            : "emptyContent");
        }
        if (file.getSize() > maxFileSize.toBytes()) {
            // Answered with 413 and the error/413 page, like any upload over the limit.
            throw new MaxUploadSizeExceededException(maxFileSize.toBytes());
        }
        CoordinateSystem crs = defaultCrs == null || defaultCrs.isBlank()
                ? null
                : CoordinateSystem.parse(defaultCrs).orElse(null);
        String name = file.getOriginalFilename() == null ? "upload" : file.getOriginalFilename();
        StationImportStatus status = imports.start(name, file.getBytes(), crs, user.getName(), locale);
        // Post/redirect/get: reloading the preview never uploads again.
        return "redirect:/console/stations/import/" + status.id();
    }

    /**
     * The import's page: its state, then one page of problems and one page of the row preview. The
     * browser polls the same address with htmx while the import works and gets only the small status
     * fragment; once the work is done the fragment asks the browser to load the whole page again.
     */
    /** An empty roster with the columns the import reads and one example row, for staff to fill in. */
    @GetMapping("/template.xlsx")
    void template(HttpServletResponse response) throws IOException {
        permissions.check(StationPermissions.Action.IMPORT);
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader(
                "Content-Disposition",
                "attachment; filename=\"station-roster-template.xlsx\"; filename*=UTF-8''"
                        + "%E9%A9%BF%E7%AB%99%E5%90%8D%E5%86%8C%E6%A8%A1%E6%9D%BF.xlsx");
        imports.writeTemplate(response.getOutputStream());
    }

    @GetMapping("/{id}")
    String status(
            @PathVariable String id,
            @RequestParam(name = "problems", required = false) String problemsPage,
            @RequestParam(name = "rows", required = false) String rowsPage,
            Principal user,
            Model model,
            HttpServletResponse response,
            @RequestHeader(value = "HX-Request", required = false) String htmx) {
        permissions.check(StationPermissions.Action.IMPORT);
        StationImportStatus job = find(id, user);
        model.addAttribute("job", job);
        if (htmx != null) {
            if (!job.working()) {
                response.setHeader("HX-Refresh", "true");
            }
            return "station/import-status :: status";
        }
        model.addAttribute(
                "problems", imports.problems(id, user.getName(), Paging.of(problemsPage, PAGE_SIZE, Sort.unsorted())));
        model.addAttribute(
                "rows", imports.preview(id, user.getName(), Paging.of(rowsPage, PAGE_SIZE, Sort.unsorted())));
        return "station/import-status";
    }

    @PostMapping("/{id}/commit")
    String commit(@PathVariable String id, Principal user) {
        permissions.check(StationPermissions.Action.IMPORT);
        find(id, user);
        try {
            imports.commit(id, user.getName());
        } catch (IllegalStateException e) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, e.getMessage());
        }
        return "redirect:/console/stations/import/" + id;
    }

    private StationImportStatus find(String id, Principal user) {
        return imports.status(id, user.getName()).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
