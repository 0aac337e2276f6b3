package dev.veracity.pipeline.components;

import dev.veracity.ConfigException;
import dev.veracity.pipeline.Component;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Names of components in pipeline files: the shipped ones by type name, and any other by the fully qualified name
 * of a class implementing {@link Component} with a public no-argument constructor (on the class path).
 *
 * <pre>{@code
 * Component gen = ComponentRegistry.standard().component("ExampleGen", "pipeline.yaml: node gen");
 * }</pre>
 */
public final class ComponentRegistry {
    private final Map<String, Component> components;

    private ComponentRegistry(Map<String, Component> components) {
        this.components = components;
    }

    /** {@return the shipped components} */
    public static ComponentRegistry standard() {
        Map<String, Component> components = new LinkedHashMap<>();
        for (Component component : new Component[] {
            new ExampleGen(),
            new StatisticsGen(),
            new SchemaGen(),
            new ExampleValidator(),
            new DriftCheck(),
            new SkewCheck(),
            new Report(),
            new FeatureSelection(),
            new ModelMonitor(),
            new Transform(),
            new LabelJoin(),
            new WeakLabel(),
            new PiiProtect(),
            new Fairness(),
            new Export(),
            new Importer(),
            new Resolver()
        }) {
            components.put(component.spec().type(), component);
        }
        return new ComponentRegistry(components);
    }

    /** {@return this registry with one more component under its type name} */
    public ComponentRegistry with(Component component) {
        Map<String, Component> more = new LinkedHashMap<>(components);
        more.put(component.spec().type(), component);
        return new ComponentRegistry(more);
    }

    /**
     * {@return the component of this name or class}
     *
     * @throws ConfigException if there is none
     */
    public Component component(String name, String where) {
        Component component = components.get(name);
        if (component != null) {
            return component;
        }
        if (name.contains(".")) {
            try {
                Object instance = Class.forName(name).getDeclaredConstructor().newInstance();
                if (instance instanceof Component custom) {
                    return custom;
                }
                throw new ConfigException(
                        where + ": component " + name + ": expected a class implementing " + Component.class.getName()
                                + ", found " + instance.getClass().getName());
            } catch (ReflectiveOperationException e) {
                throw new ConfigException(where + ": component " + name + ": expected a class on the class path with "
                        + "a public no-argument constructor, found " + e);
            }
        }
        throw new ConfigException(where + ": expected a component (" + String.join(", ", components.keySet())
                + ", or a class name), found \"" + name + "\"");
    }

    /** {@return the names of the registered components, in order} */
    public java.util.Set<String> names() {
        return java.util.Collections.unmodifiableSet(components.keySet());
    }
}
