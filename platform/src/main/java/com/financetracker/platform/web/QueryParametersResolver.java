package com.financetracker.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.MethodParameter;
import org.springframework.core.convert.ConversionException;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.validation.BindingResult;
import org.springframework.validation.DirectFieldBindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.MapBindingResult;
import org.springframework.validation.SmartValidator;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Resolves {@link QueryParameters} records: converts each parameter, builds the record, validates it. */
final class QueryParametersResolver implements HandlerMethodArgumentResolver {

    private final Supplier<ConversionService> conversions;
    private final Supplier<SmartValidator> validator;
    private final Map<Class<?>, Shape> shapes = new ConcurrentHashMap<>();

    /** Both are given as suppliers: they are made by the same MVC configuration this resolver joins. */
    QueryParametersResolver(Supplier<ConversionService> conversions, Supplier<SmartValidator> validator) {
        this.conversions = conversions;
        this.validator = validator;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.hasParameterAnnotation(QueryParameters.class);
    }

    @Override
    public Object resolveArgument(
            MethodParameter parameter,
            @Nullable ModelAndViewContainer mavContainer,
            NativeWebRequest webRequest,
            @Nullable WebDataBinderFactory binderFactory)
            throws Exception {
        Shape shape = shapes.computeIfAbsent(parameter.getParameterType(), Shape::of);
        HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
        String name = parameter.getParameterName() == null ? "query" : parameter.getParameterName();
        BindingResult binding = new MapBindingResult(new HashMap<>(), name);
        Object[] arguments = new Object[shape.components().size()];
        for (int i = 0; i < arguments.length; i++) {
            Component component = shape.components().get(i);
            String[] values = request == null ? null : request.getParameterValues(component.name());
            // one value converts as a single parameter does (a List from "a,b" too), several as an array
            Object given = values == null ? null : values.length == 1 ? values[0] : values;
            try {
                arguments[i] = given == null
                        ? null
                        : conversions.get().convert(given, TypeDescriptor.forObject(given), component.type());
            } catch (ConversionException e) {
                FieldError error = new FieldError(
                        name,
                        component.name(),
                        given,
                        true,
                        binding.resolveMessageCodes("typeMismatch", component.name()),
                        null,
                        "is invalid");
                error.wrap(new TypeMismatchException(given, component.valueType(), e));
                binding.addError(error);
            }
        }
        if (binding.hasErrors()) {
            throw new MethodArgumentNotValidException(parameter, binding);
        }
        Object query = shape.construct(arguments);
        BindingResult validation = new DirectFieldBindingResult(query, name);
        validator.get().validate(query, validation);
        if (validation.hasErrors()) {
            throw new MethodArgumentNotValidException(parameter, validation);
        }
        return query;
    }

    /** A record component as a parameter: its name and its type with the annotations that guide conversion. */
    private record Component(String name, TypeDescriptor type) {

        /** What each value should be: a list's element type, so that a bad value reads "must be a UUID". */
        Class<?> valueType() {
            TypeDescriptor element = type.getElementTypeDescriptor();
            return element == null ? type.getType() : element.getType();
        }
    }

    /** What binding a record needs, read once: its canonical constructor and its components. */
    private record Shape(Constructor<?> constructor, List<Component> components) {

        static Shape of(Class<?> type) {
            if (!type.isRecord()) {
                throw new IllegalStateException("@QueryParameters needs a record, not " + type.getName());
            }
            RecordComponent[] recordComponents = type.getRecordComponents();
            Class<?>[] types = new Class<?>[recordComponents.length];
            for (int i = 0; i < types.length; i++) {
                types[i] = recordComponents[i].getType();
            }
            try {
                Constructor<?> constructor = type.getDeclaredConstructor(types);
                constructor.setAccessible(true);
                List<Component> components = new ArrayList<>();
                for (int i = 0; i < recordComponents.length; i++) {
                    components.add(new Component(
                            recordComponents[i].getName(),
                            new TypeDescriptor(MethodParameter.forExecutable(constructor, i))));
                }
                return new Shape(constructor, List.copyOf(components));
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("no canonical constructor in " + type.getName(), e);
            }
        }

        Object construct(Object[] arguments) {
            try {
                return constructor.newInstance(arguments);
            } catch (InvocationTargetException e) {
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw new IllegalStateException(e.getCause());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
