package dev.tidings.processor.internal;

import java.util.stream.Collectors;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.TypeVariable;
import javax.lang.model.type.WildcardType;

/** Readable type names for messages, without the type annotations that {@code toString} shows. */
final class TypeNames {
  private TypeNames() {}

  /** {@code java.util.List<com.example.Line>}, with {@code java.lang.} left out. */
  static String qualified(TypeMirror type) {
    return describe(type, false);
  }

  /** {@code List<Line>}. */
  static String simple(TypeMirror type) {
    return describe(type, true);
  }

  private static String describe(TypeMirror type, boolean simple) {
    switch (type.getKind()) {
      case DECLARED -> {
        DeclaredType declared = (DeclaredType) type;
        TypeElement element = (TypeElement) declared.asElement();
        String name = element.getQualifiedName().toString();
        if (simple) {
          name = element.getSimpleName().toString();
        } else if (name.startsWith("java.lang.") && name.indexOf('.', 10) < 0) {
          name = name.substring(10);
        }
        if (declared.getTypeArguments().isEmpty()) {
          return name;
        }
        return name
            + declared.getTypeArguments().stream()
                .map(a -> describe(a, simple))
                .collect(Collectors.joining(", ", "<", ">"));
      }
      case ARRAY -> {
        return describe(((ArrayType) type).getComponentType(), simple) + "[]";
      }
      case WILDCARD -> {
        WildcardType wildcard = (WildcardType) type;
        if (wildcard.getExtendsBound() != null) {
          return "? extends " + describe(wildcard.getExtendsBound(), simple);
        }
        if (wildcard.getSuperBound() != null) {
          return "? super " + describe(wildcard.getSuperBound(), simple);
        }
        return "?";
      }
      case TYPEVAR -> {
        return ((TypeVariable) type).asElement().getSimpleName().toString();
      }
      default -> {
        return type.getKind().isPrimitive()
            ? type.getKind().name().toLowerCase(java.util.Locale.ROOT)
            : type.toString();
      }
    }
  }
}
