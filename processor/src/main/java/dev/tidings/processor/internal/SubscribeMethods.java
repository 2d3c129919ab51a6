package dev.tidings.processor.internal;

import dev.tidings.processor.internal.SubscribeModel.Argument;
import dev.tidings.processor.internal.SubscribeModel.Handler;
import dev.tidings.processor.internal.SubscribeModel.Payload;
import dev.tidings.processor.internal.SubscribeModel.Reply;
import dev.tidings.processor.internal.SubscribeModel.Settings;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Checks one {@code @Subscribe} method: its signature (what each parameter receives, the payload
 * among them) and the values of its annotation. Types are compared with {@link
 * Types#isSameType}, and framework types are found by the names in {@link Names}.
 */
final class SubscribeMethods {
  private static final String SHARE = "SHARE";
  private final Elements elements;
  private final Types types;

  SubscribeMethods(Elements elements, Types types) {
    this.elements = elements;
    this.types = types;
  }

  /** {@code Billing.onOrder}, for messages. */
  static String describe(TypeElement type, ExecutableElement method) {
    return type.getSimpleName() + "." + method.getSimpleName();
  }

  /**
   * Checks the modifiers, type parameters, return type, throws clause and parameters of a method;
   * the handler when all is well, else {@code null} with the problems added.
   */
  Handler handler(TypeElement type, ExecutableElement method, List<Problem> problems) {
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
    ReplyMatch reply = replyKind(method.getReturnType());
    if (reply == null) {
      problems.add(notAReply(name, method));
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
    if (reply != null && reply.kind() != Reply.NONE && payload != null && payload != Payload.RECORD) {
      problems.add(Problem.of(Message.SUBSCRIBE_RETURN_PAYLOAD, method, name,
          TypeNames.simple(method.getReturnType()), TypeNames.simple(payloadParameter.asType())));
    }
    if (problems.stream().anyMatch(Problem::isError)) {
      return null;
    }
    return new Handler(method, payload, payloadType, List.copyOf(arguments), reply.kind(), reply.type());
  }

  /** A return type's reply kind, with the reply record type. */
  private record ReplyMatch(Reply kind, TypeMirror type) {}

  /** The reply a return type gives, or {@code null} when it is not one a handler may return. */
  private ReplyMatch replyKind(TypeMirror t) {
    if (t.getKind() == TypeKind.VOID) {
      return new ReplyMatch(Reply.NONE, null);
    }
    if (isSchemaRecord(t)) {
      return new ReplyMatch(Reply.RECORD, t);
    }
    TypeMirror item = typeArgument(t, "java.util.Optional");
    if (item != null) {
      return isSchemaRecord(item) ? new ReplyMatch(Reply.OPTIONAL, item) : null;
    }
    item = typeArgument(t, "java.util.concurrent.CompletionStage");
    if (item == null) {
      item = typeArgument(t, "java.util.concurrent.CompletableFuture");
    }
    if (item != null) {
      return isSchemaRecord(item) ? new ReplyMatch(Reply.STAGE, item) : null;
    }
    return null;
  }

  /** {@code X} of {@code G<X>} or {@code G<? extends X>} for the generic type {@code generic}, else null. */
  private TypeMirror typeArgument(TypeMirror t, String generic) {
    TypeElement element = elements.getTypeElement(generic);
    if (element == null || t.getKind() != TypeKind.DECLARED
        || !types.isSameType(types.erasure(t), types.erasure(element.asType()))) {
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

  private Problem notAReply(String name, ExecutableElement method) {
    TypeMirror t = method.getReturnType();
    TypeMirror inner = t;
    for (String generic : List.of("java.util.Optional", "java.util.concurrent.CompletionStage",
        "java.util.concurrent.CompletableFuture")) {
      TypeElement element = elements.getTypeElement(generic);
      if (element != null && t.getKind() == TypeKind.DECLARED
          && types.isSameType(types.erasure(t), types.erasure(element.asType()))) {
        inner = typeArgument(t, generic);
      }
    }
    String detail = "";
    String fix = "Return void, or one of those.";
    if (inner == null) {
      detail = " (it has no type argument)";
      fix = "Name the reply record, e.g. CompletionStage<ExecutionResult>.";
    } else if (inner.getKind() == TypeKind.DECLARED) {
      TypeElement element = (TypeElement) ((DeclaredType) inner).asElement();
      if (element.getKind() == ElementKind.RECORD && Annotations.find(element, Names.SCHEMA).isEmpty()) {
        detail = " (record " + element.getSimpleName() + " has no @Schema)";
        fix = "Annotate " + element.getSimpleName() + " with @Schema.";
      }
    }
    return Problem.of(Message.SUBSCRIBE_RETURN, method, name, TypeNames.simple(t), detail, fix);
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

  boolean isSubtype(TypeMirror t, String qualifiedName) {
    TypeElement element = elements.getTypeElement(qualifiedName);
    return element != null && types.isSubtype(t, element.asType());
  }

  /** The first type of a parameter, return or throws clause that is not resolved, or null. */
  static TypeMirror unresolved(ExecutableElement method) {
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

  /**
   * Reads and checks pattern, group and settings of a method's {@code @Subscribe}; {@code null} when
   * the pattern is missing (javac reports that).
   */
  Settings settings(TypeElement type, ExecutableElement method, AnnotationMirror mirror,
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
    AnnotationValue modeValue = Annotations.explicitValue(mirror, "mode");
    String mode = Annotations.enumConstant(modeValue, null);
    if (SHARE.equals(mode)) {
      if ("KEY".equals(ordering)) {
        problems.add(Problem.at(Message.SUBSCRIBE_MODE_ORDERING, method, mirror,
            Annotations.explicitValue(mirror, "ordering"), name));
      }
      if (handler != null && handler.payload() == Payload.BATCH) {
        problems.add(Problem.at(Message.SUBSCRIBE_MODE_BATCH, method, mirror, modeValue, name,
            method.getSimpleName()));
      }
    }
    AnnotationValue replyToValue = Annotations.explicitValue(mirror, "replyTo");
    String replyTo = Annotations.string(replyToValue, "");
    if (!replyTo.isEmpty()) {
      String streamProblem = replyTo.length() > 249 ? "it is longer than 249 characters"
          : !replyTo.chars().allMatch(SubscribeMethods::streamChar) ? "it has characters Kafka does not allow"
          : null;
      if (streamProblem != null) {
        problems.add(Problem.at(Message.SUBSCRIBE_REPLY_TO_STREAM, method, mirror, replyToValue, replyTo, name,
            streamProblem));
      } else if (handler != null && handler.reply() == Reply.NONE) {
        problems.add(Problem.at(Message.SUBSCRIBE_REPLY_TO_VOID, method, mirror, replyToValue, name, replyTo));
      }
    } else if (handler != null && handler.reply() != Reply.NONE) {
      problems.add(Problem.of(Message.SUBSCRIBE_NO_REPLY_TO, method, name,
          TypeNames.simple(method.getReturnType())));
    }
    return new Settings(pattern, group, policy, maxAttempts, concurrency, ordering, timeout, batchSize,
        replyTo.isEmpty() ? null : replyTo, mode, delivery(mirror, pattern, name, method, problems));
  }

  private static boolean streamChar(int c) {
    return c < 128 && Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '-';
  }

  /** Reads and checks backoff, noRetryFor, maxInFlight and deadLetterStream. */
  private SubscribeModel.Delivery delivery(AnnotationMirror mirror, String pattern, String name,
      ExecutableElement method, List<Problem> problems) {
    AnnotationValue backoffValue = Annotations.explicitValue(mirror, "backoffMillis");
    AnnotationValue maxValue = Annotations.explicitValue(mirror, "maxBackoffMillis");
    long backoff = Annotations.number(backoffValue, -1);
    long max = Annotations.number(maxValue, -1);
    String backoffProblem = backoff < -1 ? "backoffMillis is " + backoff
        : max < -1 ? "maxBackoffMillis is " + max
        : max >= 0 && backoff > max ? "backoffMillis " + backoff + " is more than maxBackoffMillis " + max
        : null;
    if (backoffProblem != null) {
      problems.add(Problem.at(Message.SUBSCRIBE_BACKOFF, method, mirror,
          backoff < -1 || max >= 0 && backoff > max ? backoffValue : maxValue, name, backoffProblem));
    }
    List<String> noRetryFor = new ArrayList<>();
    for (AnnotationValue v : Annotations.list(Annotations.explicitValue(mirror, "noRetryFor"))) {
      if (v.getValue() instanceof DeclaredType declared
          && declared.asElement() instanceof TypeElement exception) {
        noRetryFor.add(exception.getQualifiedName().toString());
      }
    }
    Integer maxInFlight = (Integer) positive(mirror, "maxInFlight", name, method, problems);
    AnnotationValue deadLetterValue = Annotations.explicitValue(mirror, "deadLetterStream");
    String deadLetterStream = Annotations.string(deadLetterValue, "");
    if (deadLetterStream.isEmpty()) {
      deadLetterStream = null;
    } else {
      String problem = Globs.streamProblem(deadLetterStream);
      if (problem == null && deadLetterStream.equals(pattern)) {
        problem = "it is the subscription's own stream, so the subscription would consume its own dead"
            + " letters";
      }
      if (problem != null) {
        problems.add(Problem.at(Message.SUBSCRIBE_DEAD_LETTER, method, mirror, deadLetterValue, deadLetterStream,
            name, problem, Globs.streamProblem(pattern) == null ? pattern : "orders"));
      }
    }
    return new SubscribeModel.Delivery(backoffProblem != null || backoff < 0 ? null : backoff,
        backoffProblem != null || max < 0 ? null : max, List.copyOf(noRetryFor), maxInFlight, deadLetterStream);
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
}
