package dev.tidings.processor.internal;

import dev.tidings.processor.internal.SubscribeModel.Argument;
import dev.tidings.processor.internal.SubscribeModel.Group;
import dev.tidings.processor.internal.SubscribeModel.Handler;
import dev.tidings.processor.internal.SubscribeModel.Payload;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Validates the {@code @Subscribe} methods of each class, models them as subscriptions (methods
 * with the same pattern and group share one) and hands the class to {@link
 * SubscriptionsGenerator}. A class whose methods mention types that are not resolved yet waits for
 * the next round.
 *
 * <p>Subscriptions are also checked across the classes of the compilation, as the runtime would at
 * start-up: one group has one pattern, one handler per record type, one raw handler, and settings
 * that agree.
 */
final class SubscribeStep {
  private final Elements elements;
  private final Types types;
  private final Diagnostics diagnostics;
  private final SubscriptionsGenerator generator;
  /** Subscriptions seen so far in the compilation, by group. */
  private final Map<String, Seen> groups = new HashMap<>();
  /** Classes waiting for a type, by qualified name, with the type they wait for. */
  private Map<String, String> deferred = new TreeMap<>();

  SubscribeStep(Elements elements, Types types, Diagnostics diagnostics, SubscriptionsGenerator generator) {
    this.elements = elements;
    this.types = types;
    this.diagnostics = diagnostics;
    this.generator = generator;
  }

  void process(RoundEnvironment round) {
    Map<String, TypeElement> todo = new TreeMap<>();
    TypeElement annotation = elements.getTypeElement(Names.SUBSCRIBE);
    if (annotation != null) {
      for (Element method : round.getElementsAnnotatedWith(annotation)) {
        if (method.getEnclosingElement() instanceof TypeElement type) {
          todo.put(key(type), type);
        }
      }
    }
    for (String name : deferred.keySet()) {
      TypeElement type = elements.getTypeElement(name);
      if (type != null) {
        todo.putIfAbsent(name, type);
      }
    }
    deferred = new TreeMap<>();
    for (TypeElement type : todo.values()) {
      try {
        processClass(type);
      } catch (RuntimeException | LinkageError | AssertionError | StackOverflowError e) {
        diagnostics.crash(type, e);
      }
    }
  }

  /** Reports the classes that never got their types resolved; called in the last round. */
  void finish() {
    deferred.forEach((name, missing) -> {
      TypeElement type = elements.getTypeElement(name);
      if (type != null) {
        diagnostics.report(Problem.of(Message.UNRESOLVED, type, "@Subscribe methods of " + name, missing));
      }
    });
    deferred.clear();
  }

  private String key(TypeElement type) {
    String name = type.getQualifiedName().toString();
    return name.isEmpty() ? elements.getBinaryName(type).toString() : name;
  }

  private void processClass(TypeElement type) {
    List<ExecutableElement> methods = new ArrayList<>();
    for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
      if (Annotations.find(method, Names.SUBSCRIBE).isPresent()) {
        methods.add(method);
      }
    }
    if (methods.isEmpty()) {
      return;
    }
    for (ExecutableElement method : methods) {
      TypeMirror missing = unresolved(method);
      if (missing != null && !type.getQualifiedName().toString().isEmpty()) {
        deferred.put(type.getQualifiedName().toString(), TypeNames.qualified(missing));
        return;
      }
    }

    List<Problem> problems = new ArrayList<>();
    var generated = Generation.generatedName(type, Names.SUBSCRIPTIONS_ROLE);
    String[] classProblem = classProblem(type);
    if (classProblem != null) {
      problems.add(Problem.of(Message.SUBSCRIBE_CLASS, type, describe(type, methods.get(0)),
          type.getQualifiedName(), classProblem[0], generated.simpleName(), classProblem[1]));
    }

    Map<String, GroupBuilder> subscriptions = new LinkedHashMap<>();
    for (ExecutableElement method : methods) {
      AnnotationMirror mirror = Annotations.find(method, Names.SUBSCRIBE).orElseThrow();
      List<Problem> own = new ArrayList<>();
      Handler handler = handler(type, method, own);
      Settings settings = settings(type, method, mirror, handler, own);
      problems.addAll(own);
      if (handler == null || settings == null || own.stream().anyMatch(Problem::isError)) {
        continue;
      }
      Problem conflict = claim(type, method, mirror, handler, settings);
      if (conflict != null) {
        problems.add(conflict);
        continue;
      }
      subscriptions
          .computeIfAbsent(settings.group, g -> new GroupBuilder(settings.pattern, g))
          .add(handler, settings);
    }

    diagnostics.reportAll(problems);
    if (problems.stream().anyMatch(Problem::isError)) {
      return;
    }
    boolean constructible = hasUsableConstructor(type);
    if (!constructible) {
      diagnostics.report(Problem.of(Message.SUBSCRIBE_CONSTRUCTOR, type, type.getQualifiedName(),
          generated.simpleName(), type.getSimpleName(), type.getSimpleName()));
    }
    List<Group> groupModels = subscriptions.values().stream().map(GroupBuilder::build).toList();
    generator.generate(new SubscribeModel(type, constructible, groupModels, generated));
  }

  private static String describe(TypeElement type, ExecutableElement method) {
    return type.getSimpleName() + "." + method.getSimpleName();
  }

  // ---- the class

  /** {what is wrong, how to fix it} for a class the generated code cannot instantiate, or null. */
  private static String[] classProblem(TypeElement type) {
    switch (type.getKind()) {
      case INTERFACE, ANNOTATION_TYPE -> {
        return new String[] {"is an interface", "Move the method to a class."};
      }
      case ENUM -> {
        return new String[] {"is an enum", "Move the method to a class."};
      }
      default -> {
        // classes and records
      }
    }
    if (type.getNestingKind() == NestingKind.LOCAL || type.getNestingKind() == NestingKind.ANONYMOUS) {
      return new String[] {"is declared inside a method", "Move it to the top level."};
    }
    if (type.getModifiers().contains(Modifier.ABSTRACT)) {
      return new String[] {"is abstract",
          "Make it concrete, or put the @Subscribe methods on a concrete class."};
    }
    if (type.getNestingKind() == NestingKind.MEMBER && type.getKind() == ElementKind.CLASS
        && !type.getModifiers().contains(Modifier.STATIC)) {
      return new String[] {"is an inner class (it needs an enclosing instance)", "Make it static."};
    }
    String hidden = SchemaStep.hiddenBy(type);
    if (hidden != null) {
      return new String[] {"is " + hidden, "Make it package-private or public."};
    }
    if (!type.getTypeParameters().isEmpty()) {
      return new String[] {"has type parameters",
          "Remove them, or put the @Subscribe methods on a class without type parameters."};
    }
    return null;
  }

  /** Whether the class has a non-private no-argument constructor that throws nothing checked. */
  private boolean hasUsableConstructor(TypeElement type) {
    for (ExecutableElement constructor : ElementFilter.constructorsIn(type.getEnclosedElements())) {
      if (constructor.getParameters().isEmpty()
          && !constructor.getModifiers().contains(Modifier.PRIVATE)
          && constructor.getThrownTypes().stream().noneMatch(this::isChecked)) {
        return true;
      }
    }
    return false;
  }

  private boolean isChecked(TypeMirror thrown) {
    return !isSubtype(thrown, "java.lang.RuntimeException") && !isSubtype(thrown, "java.lang.Error");
  }

  // ---- one method

  private Handler handler(TypeElement type, ExecutableElement method, List<Problem> problems) {
    AnnotationMirror mirror = Annotations.find(method, Names.SUBSCRIBE).orElseThrow();
    String name = describe(type, method);
    List<String> modifiers = new ArrayList<>();
    for (Modifier m : List.of(Modifier.PRIVATE, Modifier.STATIC, Modifier.ABSTRACT)) {
      if (method.getModifiers().contains(m)) {
        modifiers.add(m.toString());
      }
    }
    if (!modifiers.isEmpty()) {
      problems.add(Problem.at(Message.SUBSCRIBE_MODIFIERS, method, mirror, null, name,
          String.join(" and ", modifiers),
          modifiers.stream().map(m -> "'" + m + "'").collect(Collectors.joining(" and "))));
    }
    if (!method.getTypeParameters().isEmpty()) {
      problems.add(Problem.at(Message.SUBSCRIBE_GENERIC, method, mirror, null, name,
          method.getTypeParameters().stream().map(p -> p.getSimpleName().toString())
              .collect(Collectors.joining(", "))));
    }
    if (method.getReturnType().getKind() != TypeKind.VOID) {
      problems.add(Problem.of(Message.SUBSCRIBE_RETURN, method, name, TypeNames.simple(method.getReturnType())));
    }
    for (TypeMirror thrown : method.getThrownTypes()) {
      if (!isSubtype(thrown, "java.lang.Exception") && !isSubtype(thrown, "java.lang.Error")) {
        problems.add(Problem.of(Message.SUBSCRIBE_THROWS, method, name, TypeNames.simple(thrown)));
      }
    }

    String signature = method.getParameters().stream()
        .map(p -> TypeNames.simple(p.asType()))
        .collect(Collectors.joining(", ", "(", ")"));
    List<Argument> arguments = new ArrayList<>();
    Payload payload = null;
    TypeMirror payloadType = null;
    VariableElement payloadParameter = null;
    List<VariableElement> unknown = new ArrayList<>();
    for (VariableElement parameter : method.getParameters()) {
      TypeMirror t = parameter.asType();
      Argument context = contextArgument(t);
      if (context != null) {
        arguments.add(context);
        continue;
      }
      PayloadMatch match = payloadKind(t);
      if (match == null) {
        unknown.add(parameter);
        arguments.add(null);
        continue;
      }
      if (payload != null) {
        problems.add(Problem.of(Message.SUBSCRIBE_TWO_PAYLOADS, parameter, name,
            TypeNames.simple(payloadParameter.asType()), TypeNames.simple(t)));
      } else {
        payload = match.kind();
        payloadType = match.type();
        payloadParameter = parameter;
      }
      arguments.add(Argument.PAYLOAD);
    }
    String parameters = signature.substring(1, signature.length() - 1);
    for (int i = 0; i < arguments.size(); i++) {
      Argument a = arguments.get(i);
      VariableElement parameter = method.getParameters().get(i);
      boolean batchOnly = a == Argument.CONTEXTS;
      boolean recordOnly = a == Argument.SUBSCRIBER || a == Argument.MESSAGE_CONTEXT || a == Argument.APPLICATION;
      if (payload == Payload.BATCH && recordOnly) {
        problems.add(Problem.of(Message.SUBSCRIBE_BATCH_PARAMETER, parameter, name, parameters,
            parameter.getSimpleName(), TypeNames.simple(parameter.asType())));
      } else if (payload != null && payload != Payload.BATCH && batchOnly) {
        problems.add(Problem.of(Message.SUBSCRIBE_PARAMETER, parameter, name, parameters,
            parameter.getSimpleName(), TypeNames.simple(parameter.asType())));
      }
    }
    if (payload == null && unknown.isEmpty()) {
      problems.add(Problem.at(Message.SUBSCRIBE_NO_PAYLOAD, method, mirror, null, name, parameters,
          method.getSimpleName()));
    }
    for (int i = 0; i < unknown.size(); i++) {
      VariableElement parameter = unknown.get(i);
      if (payload == null && i == 0) {
        problems.add(notAPayload(name, parameter));
      } else {
        problems.add(Problem.of(payload == Payload.BATCH ? Message.SUBSCRIBE_BATCH_PARAMETER
            : Message.SUBSCRIBE_PARAMETER, parameter, name, parameters, parameter.getSimpleName(),
            TypeNames.simple(parameter.asType())));
      }
    }
    if (problems.stream().anyMatch(Problem::isError)) {
      return null;
    }
    return new Handler(method, payload, payloadType, List.copyOf(arguments));
  }

  private Problem notAPayload(String method, VariableElement parameter) {
    TypeMirror t = parameter.asType();
    String detail = "";
    String fix = "Change the parameter's type to one of those.";
    if (t.getKind() == TypeKind.DECLARED) {
      TypeElement element = (TypeElement) ((DeclaredType) t).asElement();
      if (element.getKind() == ElementKind.RECORD && Annotations.find(element, Names.SCHEMA).isEmpty()) {
        detail = " (record " + element.getSimpleName() + " has no @Schema)";
        fix = "Annotate " + element.getSimpleName() + " with @Schema.";
      } else if (element.getKind() == ElementKind.RECORD) {
        detail = " (a generic record)";
        fix = "Use a record without type parameters.";
      } else if (listItem(t) != null) {
        detail = " (a batch handler takes a List of a @Schema record)";
        fix = "Use List<R> with a @Schema record R, or annotate the element type with @Schema.";
      } else if (element.getQualifiedName().contentEquals(Names.CONSUMER_RECORD)) {
        detail = " (the runtime passes ConsumerRecord<byte[], byte[]>)";
        fix = "Declare it as ConsumerRecord<byte[], byte[]>.";
      }
    }
    return Problem.of(Message.SUBSCRIBE_PAYLOAD_TYPE, parameter, parameter.getSimpleName(), method,
        TypeNames.simple(t), detail, fix);
  }

  private Argument contextArgument(TypeMirror t) {
    if (isType(t, Names.SUBSCRIBER)) {
      return Argument.SUBSCRIBER;
    }
    if (isType(t, Names.MESSAGE_CONTEXT)) {
      return Argument.MESSAGE_CONTEXT;
    }
    if (isType(t, Names.APPLICATION)) {
      return Argument.APPLICATION;
    }
    TypeMirror item = listItem(t);
    if (item != null && isType(item, Names.MESSAGE_CONTEXT)) {
      return Argument.CONTEXTS;
    }
    return null;
  }

  /** A payload parameter's kind, with the record type for records and batches. */
  private record PayloadMatch(Payload kind, TypeMirror type) {}

  private PayloadMatch payloadKind(TypeMirror t) {
    if (t.getKind() == TypeKind.ARRAY) {
      return ((ArrayType) t).getComponentType().getKind() == TypeKind.BYTE
          ? new PayloadMatch(Payload.BYTES, t)
          : null;
    }
    if (t.getKind() != TypeKind.DECLARED) {
      return null;
    }
    if (isSchemaRecord(t)) {
      return new PayloadMatch(Payload.RECORD, t);
    }
    if (isType(t, Names.JSON_NODE)) {
      return new PayloadMatch(Payload.JSON_NODE, t);
    }
    TypeElement consumerRecord = elements.getTypeElement(Names.CONSUMER_RECORD);
    if (consumerRecord != null
        && types.isSameType(types.erasure(t), types.erasure(consumerRecord.asType()))) {
      TypeMirror bytes = types.getArrayType(types.getPrimitiveType(TypeKind.BYTE));
      DeclaredType given = types.getDeclaredType(consumerRecord, bytes, bytes);
      return types.isAssignable(given, t) ? new PayloadMatch(Payload.CONSUMER_RECORD, t) : null;
    }
    TypeMirror item = listItem(t);
    if (item != null && isSchemaRecord(item)) {
      TypeElement list = elements.getTypeElement("java.util.List");
      if (types.isAssignable(types.getDeclaredType(list, item), t)) {
        return new PayloadMatch(Payload.BATCH, item);
      }
    }
    return null;
  }

  private boolean isSchemaRecord(TypeMirror t) {
    if (t.getKind() != TypeKind.DECLARED) {
      return false;
    }
    TypeElement element = (TypeElement) ((DeclaredType) t).asElement();
    return element.getKind() == ElementKind.RECORD
        && element.getTypeParameters().isEmpty()
        && Annotations.find(element, Names.SCHEMA).isPresent();
  }

  /** {@code X} of {@code List<X>} or {@code List<? extends X>}, else null. */
  private TypeMirror listItem(TypeMirror t) {
    TypeElement list = elements.getTypeElement("java.util.List");
    if (t.getKind() != TypeKind.DECLARED
        || !types.isSameType(types.erasure(t), types.erasure(list.asType()))) {
      return null;
    }
    List<? extends TypeMirror> arguments = ((DeclaredType) t).getTypeArguments();
    if (arguments.size() != 1) {
      return null;
    }
    TypeMirror item = arguments.get(0);
    if (item.getKind() == TypeKind.WILDCARD) {
      item = ((WildcardType) item).getExtendsBound();
    }
    return item;
  }

  private boolean isType(TypeMirror t, String qualifiedName) {
    TypeElement element = elements.getTypeElement(qualifiedName);
    return element != null && types.isSameType(t, element.asType());
  }

  private boolean isSubtype(TypeMirror t, String qualifiedName) {
    TypeElement element = elements.getTypeElement(qualifiedName);
    return element != null && types.isSubtype(t, element.asType());
  }

  /** The first type of a parameter, return or throws clause that is not resolved, or null. */
  private static TypeMirror unresolved(ExecutableElement method) {
    List<TypeMirror> all = new ArrayList<>();
    method.getParameters().forEach(p -> all.add(p.asType()));
    all.add(method.getReturnType());
    all.addAll(method.getThrownTypes());
    for (TypeMirror t : all) {
      TypeMirror missing = unresolved(t);
      if (missing != null) {
        return missing;
      }
    }
    return null;
  }

  private static TypeMirror unresolved(TypeMirror t) {
    switch (t.getKind()) {
      case ERROR -> {
        return t;
      }
      case DECLARED -> {
        for (TypeMirror argument : ((DeclaredType) t).getTypeArguments()) {
          TypeMirror missing = unresolved(argument);
          if (missing != null) {
            return missing;
          }
        }
        return null;
      }
      case ARRAY -> {
        return unresolved(((ArrayType) t).getComponentType());
      }
      case WILDCARD -> {
        WildcardType w = (WildcardType) t;
        TypeMirror bound = w.getExtendsBound() != null ? w.getExtendsBound() : w.getSuperBound();
        return bound == null ? null : unresolved(bound);
      }
      default -> {
        return null;
      }
    }
  }

  // ---- annotation values

  /** Pattern, group and settings of one method as written; null when the pattern is missing. */
  private record Settings(
      String pattern,
      String group,
      String failurePolicy,
      Integer maxAttempts,
      Integer concurrency,
      String ordering,
      Long timeoutMillis,
      Integer batchSize) {}

  private Settings settings(TypeElement type, ExecutableElement method, AnnotationMirror mirror,
      Handler handler, List<Problem> problems) {
    String name = describe(type, method);
    AnnotationValue patternValue = Annotations.explicitValue(mirror, "pattern");
    String pattern = Annotations.string(patternValue, null);
    if (pattern == null) {
      return null; // no pattern: javac reports the missing element
    }
    String patternProblem = Globs.patternProblem(pattern);
    if (patternProblem != null) {
      problems.add(Problem.at(Message.SUBSCRIBE_PATTERN, method, mirror, patternValue, pattern, name, patternProblem));
    }
    AnnotationValue groupValue = Annotations.explicitValue(mirror, "group");
    String group = Annotations.string(groupValue, "");
    String defaultGroup = method.getSimpleName().toString();
    if (groupValue != null) {
      String groupProblem = group.isEmpty() ? "it is empty"
          : group.isBlank() ? "it is blank"
          : !group.strip().equals(group) ? "it has leading or trailing whitespace"
          : null;
      if (groupProblem != null) {
        problems.add(Problem.at(Message.SUBSCRIBE_GROUP, method, mirror, groupValue, group, name, groupProblem,
            defaultGroup));
      }
    }
    if (group.isEmpty()) {
      group = defaultGroup;
    }
    String policy = Annotations.enumConstant(Annotations.explicitValue(mirror, "onFailure"), null);
    Integer maxAttempts = (Integer) positive(mirror, "maxAttempts", name, method, problems);
    Integer concurrency = (Integer) positive(mirror, "concurrency", name, method, problems);
    String ordering = Annotations.enumConstant(Annotations.explicitValue(mirror, "ordering"), null);
    Long timeout = (Long) positive(mirror, "timeoutMillis", name, method, problems);
    Integer batchSize = (Integer) positive(mirror, "batchSize", name, method, problems);
    if (batchSize != null && handler != null && handler.payload() != Payload.BATCH) {
      problems.add(Problem.at(Message.SUBSCRIBE_BATCH_SIZE, method, mirror,
          Annotations.explicitValue(mirror, "batchSize"), name, batchSize, method.getSimpleName()));
    }
    return new Settings(pattern, group, policy, maxAttempts, concurrency, ordering, timeout, batchSize);
  }

  /**
   * A number where 0 means the default: null for 0, the value (an Integer or a Long, as declared)
   * when positive, a problem when negative.
   */
  private Number positive(
      AnnotationMirror mirror, String element, String name, ExecutableElement method, List<Problem> problems) {
    AnnotationValue value = Annotations.explicitValue(mirror, element);
    if (value == null || !(value.getValue() instanceof Number n)) {
      return null;
    }
    if (n.longValue() < 0) {
      problems.add(Problem.at(Message.SUBSCRIBE_SETTINGS, method, mirror, value, element, name, n.longValue()));
      return null;
    }
    return n.longValue() == 0 ? null : n;
  }

  // ---- subscriptions across the compilation

  /** What the compilation has declared for one group so far. */
  private static final class Seen {
    final String pattern;
    final String origin;
    final Map<String, String> payloads = new HashMap<>();
    String raw;
    String batch;
    final Map<String, String[]> settings = new HashMap<>();

    Seen(String pattern, String origin) {
      this.pattern = pattern;
      this.origin = origin;
    }
  }

  /** Records the method's place in its subscription, or returns why it conflicts. */
  private Problem claim(
      TypeElement type, ExecutableElement method, AnnotationMirror mirror, Handler handler, Settings s) {
    String name = describe(type, method);
    Seen seen = groups.get(s.group);
    String where = "subscription '" + s.pattern + "' (group " + s.group + ")";
    if (seen == null) {
      seen = new Seen(s.pattern, name);
    } else if (!seen.pattern.equals(s.pattern)) {
      return conflict(method, mirror, name, seen.origin,
          "group " + s.group + " already subscribes to '" + seen.pattern + "', and a group has one"
              + " subscription",
          "Give one of them another group.");
    }
    String payloadKey = handler.payload() == Payload.RECORD || handler.payload() == Payload.BATCH
        ? ((TypeElement) ((DeclaredType) handler.payloadType()).asElement()).getQualifiedName().toString()
        : null;
    if (payloadKey != null && seen.payloads.containsKey(payloadKey)) {
      return conflict(method, mirror, name, seen.payloads.get(payloadKey),
          "both handle " + TypeNames.simple(handler.payloadType()) + " in " + where,
          "Merge the two methods, or give one of them another group.");
    }
    boolean batch = handler.payload() == Payload.BATCH;
    if (seen.batch != null || (batch && (!seen.payloads.isEmpty() || seen.raw != null))) {
      String other = seen.batch != null ? seen.batch
          : !seen.payloads.isEmpty() ? seen.payloads.values().iterator().next() : seen.raw;
      return conflict(method, mirror, name, other,
          "a batch handler must be the only handler of its " + where,
          "Give one of them another group.");
    }
    if (payloadKey == null && seen.raw != null) {
      return conflict(method, mirror, name, seen.raw,
          "both take raw messages (byte[], JsonNode or ConsumerRecord) in " + where
              + ", which has one raw handler",
          "Merge the two methods, or give one of them another group.");
    }
    Map<String, String> given = new LinkedHashMap<>();
    given.put("onFailure", s.failurePolicy);
    given.put("maxAttempts", s.maxAttempts == null ? null : s.maxAttempts.toString());
    given.put("concurrency", s.concurrency == null ? null : s.concurrency.toString());
    given.put("ordering", s.ordering);
    given.put("timeoutMillis", s.timeoutMillis == null ? null : s.timeoutMillis.toString());
    given.put("batchSize", s.batchSize == null ? null : s.batchSize.toString());
    for (Map.Entry<String, String> e : given.entrySet()) {
      String[] earlier = seen.settings.get(e.getKey());
      if (e.getValue() != null && earlier != null && !Objects.equals(earlier[0], e.getValue())) {
        return conflict(method, mirror, name, earlier[1],
            "it sets " + e.getKey() + " = " + e.getValue() + " and " + earlier[1] + " sets "
                + e.getKey() + " = " + earlier[0] + " for the same " + where,
            "Set it on one method only, or to the same value.");
      }
    }
    groups.putIfAbsent(s.group, seen);
    if (batch) {
      seen.batch = name;
    } else if (payloadKey != null) {
      seen.payloads.put(payloadKey, name);
    } else {
      seen.raw = name;
    }
    for (Map.Entry<String, String> e : given.entrySet()) {
      if (e.getValue() != null) {
        seen.settings.putIfAbsent(e.getKey(), new String[] {e.getValue(), name});
      }
    }
    return null;
  }

  private static Problem conflict(
      ExecutableElement method, AnnotationMirror mirror, String name, String other, String why, String fix) {
    return Problem.at(Message.SUBSCRIBE_CONFLICT, method, mirror, null, name, other, why, fix);
  }

  /** Collects the handlers of one subscription of a class. */
  private static final class GroupBuilder {
    final String pattern;
    final String group;
    String failurePolicy;
    Integer maxAttempts;
    Integer concurrency;
    String ordering;
    Long timeoutMillis;
    Integer batchSize;
    final List<Handler> handlers = new ArrayList<>();

    GroupBuilder(String pattern, String group) {
      this.pattern = pattern;
      this.group = group;
    }

    void add(Handler handler, Settings s) {
      handlers.add(handler);
      failurePolicy = failurePolicy != null ? failurePolicy : s.failurePolicy;
      maxAttempts = maxAttempts != null ? maxAttempts : s.maxAttempts;
      concurrency = concurrency != null ? concurrency : s.concurrency;
      ordering = ordering != null ? ordering : s.ordering;
      timeoutMillis = timeoutMillis != null ? timeoutMillis : s.timeoutMillis;
      batchSize = batchSize != null ? batchSize : s.batchSize;
    }

    Group build() {
      return new Group(pattern, group, failurePolicy, maxAttempts, concurrency, ordering, timeoutMillis,
          batchSize, List.copyOf(handlers));
    }
  }
}
