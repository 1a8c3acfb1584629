package dev.vouch.kit.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

import java.io.IOException;

/**
 * 400 as problem+json for a request the security firewall refuses (an encoded slash or dot segment, NUL,
 * a backslash, a semicolon, characters that are not allowed in a path). Without it the firewall's rejection
 * goes to the container's plain-text error page.
 */
public class RejectedRequests implements RequestRejectedHandler {

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException exception)
            throws IOException {
        ProblemResponses.write(response, 400, "rejected-request", "Request rejected",
                "The request was refused before it reached the API: " + exception.getMessage(), null);
    }
}
