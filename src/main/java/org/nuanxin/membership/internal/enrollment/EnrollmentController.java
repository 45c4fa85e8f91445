package org.nuanxin.membership.internal.enrollment;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import org.jspecify.annotations.Nullable;
import org.nuanxin.identity.DataScope;
import org.nuanxin.identity.DataScopes;
import org.nuanxin.kernel.CityTime;
import org.nuanxin.kernel.InvalidInputException;
import org.nuanxin.kernel.Paging;
import org.nuanxin.kernel.ProblemMessages;
import org.nuanxin.membership.MemberPermissions;
import org.nuanxin.membership.internal.ScopeUnions;
import org.nuanxin.membership.internal.enrollment.EnrollmentStatus.Mode;
import org.nuanxin.organization.Organization;
import org.nuanxin.organization.Organizations;
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
 * Mass enrollment in the console (集中入会): the upload form with the union and the event's date, the job's page
 * (state and progress, polled by htmx or refreshed without JavaScript; problems and preview a page at a time), the
 * commit in either mode, the template and the result as xlsx.
 */
@Controller
@RequestMapping("/console/members/enroll")
class EnrollmentController {

    private static final int PAGE_SIZE = 100;
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final MassEnrollmentService enrollment;
    private final MemberPermissions permissions;
    private final DataScopes scopes;
    private final Organizations organizations;
    private final ProblemMessages problemMessages;
    private final CityTime time;
    private final DataSize maxFileSize;

    EnrollmentController(
            MassEnrollmentService enrollment,
            MemberPermissions permissions,
            DataScopes scopes,
            Organizations organizations,
            ProblemMessages problemMessages,
            CityTime time,
            @Value("${nuanxin.spreadsheet.max-file-size:10MB}") DataSize maxFileSize) {
        this.enrollment = enrollment;
        this.permissions = permissions;
        this.scopes = scopes;
        this.organizations = organizations;
        this.problemMessages = problemMessages;
        this.time = time;
        this.maxFileSize = maxFileSize;
    }

    @GetMapping
    String form(Model model) {
        permissions.check(MemberPermissions.Action.IMPORT);
        return form(model, null, time.today(), List.of());
    }

    private String form(Model model, @Nullable Long unionId, @Nullable LocalDate eventDate, List<String> errors) {
        DataScope scope = scopes.current();
        List<Organization> unions = new ArrayList<>(ScopeUnions.topAndChildren(organizations, scope));
        model.addAttribute("unions", unions);
        model.addAttribute("unionId", unionId == null ? scope.rootId() : unionId);
        model.addAttribute("eventDate", eventDate == null ? "" : eventDate.toString());
        model.addAttribute("today", time.today().toString());
        model.addAttribute("errors", errors);
        model.addAttribute("maxRows", MassEnrollmentService.DEFAULT_MAX_ROWS);
        return "membership/enrollment-form";
    }

    @PostMapping
    String upload(
            @RequestParam("file") MultipartFile file,
            @RequestParam(name = "unionId", required = false) String unionId,
            @RequestParam(name = "eventDate", required = false) String eventDate,
            Principal user,
            Locale locale,
            Model model,
            HttpServletResponse response)
            throws IOException {
        permissions.check(MemberPermissions.Action.IMPORT);
        if (file.getSize() > maxFileSize.toBytes()) {
            throw new MaxUploadSizeExceededException(maxFileSize.toBytes());
        }
        Long union = parseLong(unionId);
        LocalDate date = parseDate(eventDate);
        List<String> errors = new ArrayList<>();
        if (file.isEmpty()) {
            // No file chosen (the browser sends an empty part without a name) or a chosen file of 0 bytes.
            String chosen = file.getOriginalFilename();
            errors.add(problemMessages.text(
                    chosen == null || chosen.isBlank()
                            ? org.nuanxin.kernel.FieldProblem.of("file", "membership.enrollment.noFile")
                            : org.nuanxin.kernel.FieldProblem.of("file", "membership.enrollment.emptyFile", chosen),
                    locale));
        }
        if (union == null) {
            errors.add(problemMessages.text(
                    org.nuanxin.kernel.FieldProblem.of("unionId", "membership.enrollment.unionNotFound"), locale));
        }
        if (date == null) {
            errors.add(problemMessages.text(
                    org.nuanxin.kernel.FieldProblem.of("eventDate", "membership.enrollment.eventDateInvalid"), locale));
        }
        if (errors.isEmpty()) {
            try {
                String name = file.getOriginalFilename() == null
                                || file.getOriginalFilename().isBlank()
                        ? "upload"
                        : file.getOriginalFilename();
                EnrollmentStatus status = enrollment.start(name, file.getBytes(), union, date, user.getName(), locale);
                return "redirect:/console/members/enroll/" + status.id();
            } catch (InvalidInputException e) {
                errors.addAll(problemMessages.texts(e.errors(), locale));
            }
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
        return form(model, union, date, errors);
    }

    @GetMapping("/template.xlsx")
    void template(HttpServletResponse response, Locale locale) throws IOException {
        permissions.check(MemberPermissions.Action.IMPORT);
        response.setContentType(XLSX);
        response.setHeader(
                "Content-Disposition",
                "attachment; filename=\"enrollment-roster-template.xlsx\"; filename*=UTF-8''"
                        + "%E9%9B%86%E4%B8%AD%E5%85%A5%E4%BC%9A%E5%90%8D%E5%86%8C%E6%A8%A1%E6%9D%BF.xlsx");
        enrollment.writeTemplate(response.getOutputStream(), locale);
    }

    /** The job's page; an htmx poll gets only the status fragment, and a full reload once the work is done. */
    @GetMapping("/{id}")
    String status(
            @PathVariable String id,
            @RequestParam(name = "problems", required = false) String problemsPage,
            @RequestParam(name = "rows", required = false) String rowsPage,
            Principal user,
            Model model,
            HttpServletResponse response,
            @RequestHeader(value = "HX-Request", required = false) String htmx) {
        permissions.check(MemberPermissions.Action.IMPORT);
        EnrollmentStatus job = find(id, user);
        model.addAttribute("job", job);
        model.addAttribute(
                "unionName",
                organizations.find(job.unionId()).map(Organization::name).orElse(""));
        if (htmx != null) {
            if (!job.working()) {
                response.setHeader("HX-Refresh", "true");
            }
            return "membership/enrollment-status :: status";
        }
        model.addAttribute(
                "problems",
                enrollment.problems(id, user.getName(), Paging.of(problemsPage, PAGE_SIZE, Sort.unsorted())));
        model.addAttribute(
                "rows", enrollment.preview(id, user.getName(), Paging.of(rowsPage, PAGE_SIZE, Sort.unsorted())));
        return "membership/enrollment-status";
    }

    @PostMapping("/{id}/commit")
    String commit(@PathVariable String id, @RequestParam(name = "mode", required = false) String mode, Principal user) {
        permissions.check(MemberPermissions.Action.IMPORT);
        find(id, user);
        Mode chosen;
        try {
            chosen = Mode.valueOf(mode == null ? "" : mode);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        }
        try {
            enrollment.commit(id, user.getName(), chosen);
        } catch (IllegalStateException e) {
            // Already failed or written, or "all" chosen while some rows have problems: back to the job, which says
            // what state it is in, with a line saying nothing was written now.
            return "redirect:/console/members/enroll/" + id + "?notCommitted";
        }
        return "redirect:/console/members/enroll/" + id;
    }

    @GetMapping("/{id}/result.xlsx")
    void result(@PathVariable String id, Principal user, HttpServletResponse response, Locale locale)
            throws IOException {
        permissions.check(MemberPermissions.Action.IMPORT);
        find(id, user);
        response.setContentType(XLSX);
        response.setHeader(
                "Content-Disposition",
                "attachment; filename=\"enrollment-result.xlsx\"; filename*=UTF-8''"
                        + "%E5%85%A5%E4%BC%9A%E7%BB%93%E6%9E%9C.xlsx");
        try {
            enrollment.writeResult(id, user.getName(), response.getOutputStream(), locale);
        } catch (NoSuchElementException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

    private EnrollmentStatus find(String id, Principal user) {
        return enrollment
                .status(id, user.getName())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private static @Nullable Long parseLong(@Nullable String text) {
        try {
            return text == null ? null : Long.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static @Nullable LocalDate parseDate(@Nullable String text) {
        try {
            return text == null || text.isBlank() ? null : LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
