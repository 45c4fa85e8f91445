package org.nuanxin.organization.internal.enterprise;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.util.Locale;
import org.nuanxin.organization.EnterprisePermissions;
import org.nuanxin.organization.EnterprisePermissions.Action;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Registry import in the console: upload, a preview listing every problem by row and column, then an
 * all-or-nothing commit. Synchronous (up to 5,000 rows), no script needed.
 */
@Controller
@RequestMapping("/console/enterprises/import")
class EnterpriseImportController {

    private final EnterpriseImportService imports;
    private final DataSize maxFileSize;
    private final EnterprisePermissions permissions;

    EnterpriseImportController(
            EnterpriseImportService imports,
            @Value("${nuanxin.spreadsheet.max-file-size:10MB}") DataSize maxFileSize,
            EnterprisePermissions permissions) {
        this.imports = imports;
        this.maxFileSize = maxFileSize;
        this.permissions = permissions;
    }

    @GetMapping
    String form(Model model) {
        permissions.check(Action.IMPORT);
        model.addAttribute("maxRows", EnterpriseImportService.MAX_ROWS);
        return "organization/enterprise-import";
    }

    @PostMapping
    String upload(@RequestParam("file") MultipartFile file, Principal user) throws IOException {
        permissions.check(Action.IMPORT);
        if (file.isEmpty()) {
            return "redirect:/console/enterprises/import?empty";
        }
        if (file.getSize() > maxFileSize.toBytes()) {
            throw new MaxUploadSizeExceededException(maxFileSize.toBytes());
        }
        String name =
                file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()
                        ? "upload.xlsx"
                        : file.getOriginalFilename();
        String id = imports.upload(name, file.getBytes(), user.getName());
        // Post/redirect/get: reloading the preview never uploads again.
        return "redirect:/console/enterprises/import/" + id;
    }

    /** An empty registry with the columns the import reads and one example row. */
    @GetMapping("/template.xlsx")
    void template(HttpServletResponse response) throws IOException {
        permissions.check(Action.IMPORT);
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader(
                "Content-Disposition",
                "attachment; filename=\"enterprise-template.xlsx\"; filename*=UTF-8''"
                        + "%E4%BC%81%E4%B8%9A%E5%90%8D%E5%BD%95%E6%A8%A1%E6%9D%BF.xlsx");
        imports.writeTemplate(response.getOutputStream());
    }

    @GetMapping("/{id}")
    String preview(@PathVariable String id, Principal user, Model model, Locale locale) {
        permissions.check(Action.IMPORT);
        EnterpriseImportService.Checked checked = imports.check(id, user.getName(), locale)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("checked", checked);
        return "organization/enterprise-import-preview";
    }

    @PostMapping("/{id}/commit")
    String commit(@PathVariable String id, Principal user, Model model, Locale locale, RedirectAttributes redirect) {
        permissions.check(Action.IMPORT);
        EnterpriseImportService.Committed done = imports.commit(id, user.getName(), locale)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (done.checked() != null) {
            model.addAttribute("checked", done.checked());
            return "organization/enterprise-import-preview";
        }
        redirect.addFlashAttribute("imported", done.created());
        redirect.addFlashAttribute("importUpdated", done.updated());
        return "redirect:/console/enterprises?sort=UPDATED";
    }
}
