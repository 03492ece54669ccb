package dev.sluice.gateway;

import java.util.Map;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

import dev.sluice.protocol.PopError;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

/**
 * {@code /error}, where the servlet container sends every error the application did not answer itself: an unknown
 * path, a method the RPC endpoint does not take, an exception that escaped. Replaces Spring Boot's own controller,
 * whose JSON has no {@code RequestId} or {@code Code}: here every answer is the POP envelope, except under
 * {@code /console}, where a person in a browser gets the console's error page. A request for {@code /error} itself is
 * a path like any other that has no API.
 */
@Controller
class PopErrorController implements ErrorController {

    private final Envelopes envelopes;

    PopErrorController(GatewaySettings settings) {
        this.envelopes = new Envelopes(settings.hostId());
    }

    @RequestMapping("/error")
    Object error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        String path = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (code == null) { // asked for directly
            code = 404;
            path = request.getRequestURI();
        }
        int status = (Integer) code;
        if (path != null && (path.equals("/console") || path.startsWith("/console/"))) {
            ModelAndView page = new ModelAndView("error", Map.of("status", status));
            page.setStatus(HttpStatus.valueOf(status));
            return page;
        }
        Object message = request.getAttribute(RequestDispatcher.ERROR_MESSAGE);
        // An error dispatch is a GET (Servlet 6.1); the method the client sent is kept in an attribute.
        Object method = request.getAttribute(RequestDispatcher.ERROR_METHOD);
        PopError error = EdgeErrors.forStatus(status, method != null ? method.toString() : request.getMethod(), path,
                message == null ? null : message.toString());
        String requestId = RequestIds.next();
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("x-acs-request-id", requestId);
        return ResponseEntity.status(error.httpStatus()).headers(headers).body(envelopes.error(requestId, error));
    }
}
