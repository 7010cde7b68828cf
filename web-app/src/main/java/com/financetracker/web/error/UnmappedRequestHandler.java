package com.financetracker.web.error;

import com.financetracker.web.view.Assets;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Requests that reach no page controller (an unknown path, a wrong method, an upload over the limit) are answered
 * with a page too: the web app is for browsers, and the platform's JSON problems would show as raw text.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UnmappedRequestHandler {

    private final Assets assets;

    UnmappedRequestHandler(Assets assets) {
        this.assets = assets;
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ModelAndView notFound(HttpServletRequest request, HttpServletResponse response) {
        return PageErrors.view(request, response, assets, 404, "There is no page here. Check the address.");
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ModelAndView wrongMethod(HttpServletRequest request, HttpServletResponse response) {
        return PageErrors.view(request, response, assets, 405, "This page cannot be used that way.");
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ModelAndView tooLarge(HttpServletRequest request, HttpServletResponse response) {
        return PageErrors.view(request, response, assets, 413, "The file is too large to import.");
    }

    @ExceptionHandler(MultipartException.class)
    ModelAndView badUpload(HttpServletRequest request, HttpServletResponse response) {
        return PageErrors.view(request, response, assets, 400, "The upload could not be read. Try again.");
    }
}
