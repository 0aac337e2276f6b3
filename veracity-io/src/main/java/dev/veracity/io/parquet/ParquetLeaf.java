package dev.veracity.io.parquet;

import dev.veracity.data.FeatureType;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

/**
 * A Parquet leaf column seen as a feature: its dotted name (struct fields joined by dots, the wrapper levels of
 * LIST and MAP groups left out), its feature type, and the definition level at which a row counts as present.
 *
 * <p>A row is present when the outermost optional field above the first repeated level is defined (a null struct
 * or list is missing; an empty list is present with no values); without a repeated level, when the value itself is
 * defined. Null elements inside a list are not values.
 *
 * @param column      the Parquet column
 * @param feature     the feature name
 * @param type        the feature type ({@link ParquetValues#featureType})
 * @param presenceDef the smallest definition level of a present row
 */
public record ParquetLeaf(ColumnDescriptor column, String feature, FeatureType type, int presenceDef) {

    /** {@return the leaves of a file schema, in schema order} */
    public static List<ParquetLeaf> of(MessageType schema) {
        List<ParquetLeaf> leaves = new ArrayList<>();
        for (ColumnDescriptor column : schema.getColumns()) {
            leaves.add(of(schema, column));
        }
        return leaves;
    }

    private static ParquetLeaf of(MessageType schema, ColumnDescriptor column) {
        String[] path = column.getPath();
        List<String> names = new ArrayList<>();
        int definedBefore = 0;
        int presenceDef = -1;
        GroupType parent = schema;
        boolean skipNext = false;
        boolean skipElement = false;
        for (int i = 0; i < path.length; i++) {
            Type field = parent.getType(path[i]);
            if (field.isRepetition(Type.Repetition.REPEATED) && presenceDef < 0) {
                presenceDef = definedBefore;
            }
            if (!field.isRepetition(Type.Repetition.REQUIRED)) {
                definedBefore++;
            }
            boolean isList = !field.isPrimitive()
                    && field.getLogicalTypeAnnotation() instanceof LogicalTypeAnnotation.ListLogicalTypeAnnotation;
            boolean isMap = !field.isPrimitive()
                    && field.getLogicalTypeAnnotation() instanceof LogicalTypeAnnotation.MapLogicalTypeAnnotation;
            if (skipNext) {
                skipNext = false;
                // The repeated level of a LIST: its single child is the element, named after the list.
                skipElement = !field.isPrimitive() && field.asGroupType().getFieldCount() == 1 && skipElementOf(field);
            } else if (skipElement) {
                skipElement = false;
            } else {
                names.add(path[i]);
            }
            if (isList || isMap) {
                skipNext = true;
            }
            if (!field.isPrimitive()) {
                parent = field.asGroupType();
            }
        }
        if (presenceDef < 0) {
            presenceDef = column.getMaxDefinitionLevel();
        }
        return new ParquetLeaf(
                column, String.join(".", names), ParquetValues.featureType(column.getPrimitiveType()), presenceDef);
    }

    private static boolean skipElementOf(Type repeated) {
        return repeated.isRepetition(Type.Repetition.REPEATED);
    }
}
