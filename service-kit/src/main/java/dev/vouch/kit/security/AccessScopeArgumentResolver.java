package dev.vouch.kit.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.MethodParameter;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * The one place that decides whose records a request works on.
 * <ul>
 *   <li>Reads (GET, HEAD): a student reads their own records; an advisor reads any student of their own
 *       institution by passing {@code studentId}.</li>
 *   <li>Changes (any other method): only a student, on their own records.</li>
 * </ul>
 * The institution always comes from the token.
 */
public class AccessScopeArgumentResolver implements HandlerMethodArgumentResolver {

    public static final String STUDENT_PARAM = "studentId";

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return AccessScope.class.equals(parameter.getParameterType());
    }

    @Override
    public AccessScope resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
                                       NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
        VouchPrincipal caller = currentPrincipal();
        HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
        boolean read = request != null && ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()));
        String requested = webRequest.getParameter(STUDENT_PARAM);
        return resolve(caller, read, requested);
    }

    static AccessScope resolve(VouchPrincipal caller, boolean read, String requestedStudent) {
        boolean self = requestedStudent == null || requestedStudent.isBlank() || requestedStudent.equals(caller.subject());
        if (read) {
            if (self && caller.has(Role.STUDENT)) {
                return new AccessScope(caller.tenant(), caller.subject(), caller);
            }
            if (caller.has(Role.ADVISOR)) {
                if (requestedStudent == null || requestedStudent.isBlank()) {
                    throw new MissingStudentException();
                }
                return new AccessScope(caller.tenant(), requestedStudent, caller);
            }
            throw new AccessDeniedException("Only a student or an advisor of their institution may read these records");
        }
        if (self && caller.has(Role.STUDENT)) {
            return new AccessScope(caller.tenant(), caller.subject(), caller);
        }
        throw new AccessDeniedException("Only the student may change their own records");
    }

    public static VouchPrincipal currentPrincipal() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof VouchPrincipal principal) {
            return principal;
        }
        throw new AuthenticationCredentialsNotFoundException("A bearer token is required");
    }

    /** An advisor read without naming the student. */
    public static class MissingStudentException extends RuntimeException {
        public MissingStudentException() {
            super("Advisors name the student to read with the 'studentId' query parameter");
        }
    }
}
