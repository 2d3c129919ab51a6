package dev.tidings.processor.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * Whether Jackson writes a record or an enum the way {@link SchemaDeriver} assumes: every component
 * under its name (or {@code @JsonProperty} name), enum constants by name. A generated check judges
 * that JSON, so it is only generated when nothing changes it: a Jackson annotation other than the
 * few that do not affect writing (on the type, a member, or an interface it implements, where
 * Jackson finds them too), {@code java.beans.Transient}, a Jackson interface such as {@code
 * JsonSerializable}, or a getter such as {@code getName()} that Jackson writes instead of a
 * component. Jackson names record properties after the components, {@code isOpen} included.
 */
final class JacksonDefaults {
  private static final String JACKSON = "com.fasterxml.jackson.";
  private static final String ANNOTATIONS_INSIDE = "com.fasterxml.jackson.annotation.JacksonAnnotationsInside";
  private static final String TRANSIENT = "java.beans.Transient";
  private static final String IGNORE_PROPERTIES = "com.fasterxml.jackson.annotation.JsonIgnoreProperties";
  private static final String AUTO_DETECT = "com.fasterxml.jackson.annotation.JsonAutoDetect";
  private static final String IGNORE = "com.fasterxml.jackson.annotation.JsonIgnore";

  /** Jackson annotations that leave the written JSON alone: descriptions, order, reading only. */
  private static final Set<String> HARMLESS = Set.of(
      "com.fasterxml.jackson.annotation.JsonPropertyDescription",
      "com.fasterxml.jackson.annotation.JsonClassDescription",
      "com.fasterxml.jackson.annotation.JsonPropertyOrder",
      "com.fasterxml.jackson.annotation.JsonCreator",
      "com.fasterxml.jackson.annotation.JsonAlias");

  private final Elements elements;

  JacksonDefaults(Elements elements) {
    this.elements = elements;
  }

  /** Why Jackson may write {@code record} otherwise than derived, or {@code null}. */
  String recordProblem(TypeElement record) {
    Set<String> properties = new LinkedHashSet<>();
    List<Element> componentElements = new ArrayList<>();
    for (RecordComponentElement component : record.getRecordComponents()) {
      String name = component.getSimpleName().toString();
      properties.add(name);
      properties.add(SchemaDeriver.jsonName(record, component));
      componentElements.add(component);
      componentElements.add(component.getAccessor());
    }
    for (VariableElement field : ElementFilter.fieldsIn(record.getEnclosedElements())) {
      if (!field.getModifiers().contains(Modifier.STATIC)) {
        componentElements.add(field);
      }
    }
    for (TypeElement type : withInterfaces(record)) {
      String problem = jacksonInterface(record, type);
      if (problem == null) {
        problem = annotationProblem(type, type, componentElements);
      }
      if (problem != null) {
        return problem;
      }
    }
    for (ExecutableElement method : ElementFilter.methodsIn(elements.getAllMembers(record))) {
      String owner = ((TypeElement) method.getEnclosingElement()).getQualifiedName().toString();
      if (componentElements.contains(method) || owner.equals("java.lang.Object") || owner.equals("java.lang.Record")
          || !method.getModifiers().contains(Modifier.PUBLIC) || method.getModifiers().contains(Modifier.STATIC)
          || !method.getParameters().isEmpty()) {
        continue;
      }
      String property = getterProperty(method.getSimpleName().toString(), method.getReturnType());
      if (property != null && (properties.contains(property) || properties.contains(beanName(method)))) {
        return "the getter " + method.getSimpleName() + "() of " + record.getSimpleName()
            + " competes with the component " + property;
      }
    }
    return null;
  }

  /** A getter Jackson writes as a property of its own, named {@code property}. */
  record Getter(ExecutableElement method, String property) {}

  /**
   * The public getters of {@code record} ({@code getTotal()}, {@code isEmpty()}, its own or
   * inherited from an interface) that Jackson writes besides the components, under a name no
   * component has. A getter annotated {@code @JsonIgnore}, and a record annotated {@code
   * @JsonAutoDetect} or {@code @JsonIgnoreProperties}, are left to Jackson's annotations.
   */
  List<Getter> extraGetters(TypeElement record) {
    for (AnnotationMirror mirror : record.getAnnotationMirrors()) {
      String name = Annotations.qualifiedName(mirror);
      if (name.equals(AUTO_DETECT) || name.equals(IGNORE_PROPERTIES)) {
        return List.of();
      }
    }
    Set<String> properties = new LinkedHashSet<>();
    Set<Element> accessors = new HashSet<>();
    for (RecordComponentElement component : record.getRecordComponents()) {
      properties.add(component.getSimpleName().toString());
      properties.add(SchemaDeriver.jsonName(record, component));
      accessors.add(component.getAccessor());
    }
    List<Getter> getters = new ArrayList<>();
    for (ExecutableElement method : ElementFilter.methodsIn(elements.getAllMembers(record))) {
      String owner = ((TypeElement) method.getEnclosingElement()).getQualifiedName().toString();
      if (accessors.contains(method) || owner.equals("java.lang.Object") || owner.equals("java.lang.Record")
          || !method.getModifiers().contains(Modifier.PUBLIC) || method.getModifiers().contains(Modifier.STATIC)
          || !method.getParameters().isEmpty() || method.getReturnType().getKind() == TypeKind.VOID
          || Annotations.find(method, IGNORE).isPresent()) {
        continue;
      }
      String property = getterProperty(method.getSimpleName().toString(), method.getReturnType());
      if (property != null && !properties.contains(property) && !properties.contains(beanName(method))) {
        getters.add(new Getter(method, property));
      }
    }
    return getters;
  }

  /** Why Jackson may write the constants of {@code enumType} otherwise than by name, or {@code null}. */
  String enumProblem(TypeElement enumType) {
    for (TypeElement type : withInterfaces(enumType)) {
      String problem = jacksonInterface(enumType, type);
      if (problem == null) {
        problem = annotationProblem(type, type, List.of());
      }
      if (problem != null) {
        return problem;
      }
    }
    return null;
  }

  /**
   * The first annotation on {@code element} or anything it encloses (members, parameters) that may
   * change what Jackson writes. {@code @JsonProperty} without {@code access} is fine on the
   * elements of a component and on constructor parameters.
   */
  private String annotationProblem(Element element, TypeElement owner, List<Element> componentElements) {
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      String name = Annotations.qualifiedName(mirror);
      if (!isJackson(mirror) || HARMLESS.contains(name)) {
        continue;
      }
      boolean renames = name.equals(Names.JSON_PROPERTY) && Annotations.explicitValue(mirror, "access") == null
          && (componentElements.contains(element) || isConstructorParameter(element));
      boolean ignoresUnknown = name.equals(IGNORE_PROPERTIES) && onlyIgnoreUnknown(mirror);
      if (!renames && !ignoresUnknown) {
        return "@" + Annotations.simpleName(mirror) + " on " + describe(element, owner)
            + " may change what Jackson writes";
      }
    }
    List<Element> inner = new ArrayList<>(element.getEnclosedElements());
    if (element instanceof ExecutableElement executable) {
      inner.addAll(executable.getParameters());
    }
    for (Element e : inner) {
      if (e.getKind().isClass() || e.getKind().isInterface()) {
        continue; // nested types are checked where they are used
      }
      String problem = annotationProblem(e, owner, componentElements);
      if (problem != null) {
        return problem;
      }
    }
    return null;
  }

  /** A Jackson interface such as {@code JsonSerializable}, with which a type writes itself. */
  private static String jacksonInterface(TypeElement type, TypeElement implemented) {
    return !implemented.equals(type) && implemented.getQualifiedName().toString().startsWith(JACKSON)
        ? type.getSimpleName() + " implements " + implemented.getSimpleName() + ", so it may write itself"
        : null;
  }

  private static boolean isConstructorParameter(Element element) {
    return element.getKind() == ElementKind.PARAMETER
        && element.getEnclosingElement().getKind() == ElementKind.CONSTRUCTOR;
  }

  private static boolean onlyIgnoreUnknown(AnnotationMirror mirror) {
    return mirror.getElementValues().keySet().stream()
        .allMatch(e -> e.getSimpleName().contentEquals("ignoreUnknown"));
  }

  /** A Jackson annotation, one bundling Jackson annotations, or {@code java.beans.Transient}. */
  private static boolean isJackson(AnnotationMirror mirror) {
    String name = Annotations.qualifiedName(mirror);
    if (name.startsWith(JACKSON) || name.equals(TRANSIENT)) {
      return true;
    }
    Element type = mirror.getAnnotationType().asElement();
    return Annotations.find(type, ANNOTATIONS_INSIDE).isPresent();
  }

  private static String describe(Element element, TypeElement owner) {
    if (element.equals(owner)) {
      return owner.getSimpleName().toString();
    }
    if (element.getKind() == ElementKind.PARAMETER) {
      return "a parameter of " + owner.getSimpleName() + "." + element.getEnclosingElement().getSimpleName();
    }
    return owner.getSimpleName() + "." + element.getSimpleName();
  }

  /** {@code type} and every interface it implements, directly or not. */
  private static List<TypeElement> withInterfaces(TypeElement type) {
    Set<TypeElement> all = new LinkedHashSet<>();
    Deque<TypeElement> todo = new ArrayDeque<>(List.of(type));
    while (!todo.isEmpty()) {
      TypeElement next = todo.pop();
      if (all.add(next)) {
        for (TypeMirror parent : next.getInterfaces()) {
          if (parent.getKind() == TypeKind.DECLARED) {
            todo.add((TypeElement) ((DeclaredType) parent).asElement());
          }
        }
      }
    }
    return new ArrayList<>(all);
  }

  /** The JavaBeans name of a getter ({@code getURL} → {@code URL}), which Jackson may use instead. */
  private static String beanName(ExecutableElement getter) {
    String name = getter.getSimpleName().toString();
    String rest = name.substring(name.startsWith("is") ? 2 : 3);
    return rest.length() > 1 && Character.isUpperCase(rest.charAt(1))
        ? rest
        : Character.toLowerCase(rest.charAt(0)) + rest.substring(1);
  }

  /**
   * The property Jackson derives from a getter name ({@code getTotal} → {@code total}, {@code
   * isOpen} → {@code open} for booleans), {@code null} for other names.
   */
  static String getterProperty(String name, TypeMirror returns) {
    String rest;
    if (name.length() > 3 && name.startsWith("get") && Character.isUpperCase(name.charAt(3))) {
      rest = name.substring(3);
    } else if (name.length() > 2 && name.startsWith("is") && Character.isUpperCase(name.charAt(2))
        && (returns.getKind() == TypeKind.BOOLEAN || returns.toString().equals("java.lang.Boolean"))) {
      rest = name.substring(2);
    } else {
      return null;
    }
    int upper = 0;
    while (upper < rest.length() && Character.isUpperCase(rest.charAt(upper))) {
      upper++;
    }
    return rest.substring(0, upper).toLowerCase(Locale.ROOT) + rest.substring(upper);
  }
}
