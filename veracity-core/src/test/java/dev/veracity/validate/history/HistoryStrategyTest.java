package dev.veracity.validate.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Each strategy on short series whose anomalies and bounds are computed by hand in the comments. */
class HistoryStrategyTest {
    @Test
    void absoluteChangeFlagsDifferencesOutsideItsBounds() {
        double[] series = {100, 105, 130, 125, 110};
        // changes: +5, +25, -5, -15
        assertThat(new AbsoluteChange(-10, 10).detect(series, 0))
                .containsExactly(new HistoryAnomaly(2, 130, 95, 115), new HistoryAnomaly(4, 110, 115, 135));
        assertThat(new AbsoluteChange(-10, 10).detect(series, 3)).containsExactly(new HistoryAnomaly(4, 110, 115, 135));
        assertThat(new AbsoluteChange(Double.NEGATIVE_INFINITY, 10).detect(series, 0))
                .extracting(HistoryAnomaly::index)
                .containsExactly(2);
    }

    @Test
    void relativeChangeFlagsRatiosOutsideItsBoundsInclusively() {
        double[] series = {100, 110, 260, 130, 0, 0};
        // ratios: 1.1, 2.36, 0.5 (the bound: kept), 0, 0/0 = 1
        assertThat(new RelativeChange(0.5, 2).detect(series, 0))
                .containsExactly(new HistoryAnomaly(2, 260, 55, 220), new HistoryAnomaly(4, 0, 65, 260));
    }

    @Test
    void onlineNormalIncludesThePointAndLeavesAnomaliesOut() {
        // i = 4: mean = 10 + (20 - 10) / 5 = 12, Sn = (20 - 10)(20 - 12) = 80, sd = sqrt(80 / 5) = 4
        double[] series = {10, 10, 10, 10, 20, 10};
        assertThat(new OnlineNormal(1.5, 1.5, 0).detect(series, 0)).containsExactly(new HistoryAnomaly(4, 20, 6, 18));
        // 3 sd: [0, 24] holds 20
        assertThat(new OnlineNormal(3, 3, 0).detect(series, 0)).isEmpty();
        // the anomaly left out, i = 5 sees mean 10, sd 0: 10 is within [10, 10]
        assertThat(new OnlineNormal(1.5, 1.5, 0).detect(series, 5)).isEmpty();
        // an upper bound only
        assertThat(new OnlineNormal(Double.POSITIVE_INFINITY, 1.5, 0).detect(new double[] {10, 10, 10, 10, 0}, 0))
                .isEmpty();
    }

    @Test
    void onlineNormalIgnoresTheStartOfTheSeries() {
        double[] series = {0, 100, 100, 100, 100, 100, 100, 100, 100, 100};
        // i = 1: mean 50, sd 50, bounds [-25, 125] with 1.5; index 0 is the ignored tenth
        assertThat(new OnlineNormal(1.5, 1.5).detect(series, 0)).isEmpty();
        assertThat(new OnlineNormal(0.5, 0.5, 0).detect(series, 0))
                .extracting(HistoryAnomaly::index)
                .startsWith(1);
    }

    private static final double[] WEEK = {10, 11, 12, 11, 10, 25, 27};

    private static double[] weeks(int n, boolean noise) {
        double[] series = new double[n * 7 + 1];
        for (int i = 0; i < n * 7; i++) {
            series[i] = WEEK[i % 7] + (noise ? ((i * 7) % 5 - 2) * 0.1 : 0);
        }
        return series;
    }

    @Test
    void holtWintersForecastsAPeriodicSeriesExactly() {
        double[] series = weeks(3, false);
        // level 15.14, trend 0, the seasonal indexes of the first week: every forecast is the week itself, sd 0
        series[21] = 10;
        assertThat(new HoltWinters(7).detect(series, 21)).isEmpty();
        series[21] = 10.5;
        List<HistoryAnomaly> found = new HoltWinters(7).detect(series, 21);
        assertThat(found).hasSize(1);
        assertThat(found.get(0).low()).isCloseTo(10, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(found.get(0).high()).isCloseTo(10, org.assertj.core.api.Assertions.within(1e-9));
    }

    @Test
    void holtWintersKnowsTheWeekdayWhereOnlineNormalCannot() {
        double[] series = weeks(4, true);
        series[28] = 25; // a Monday (WEEK[0] = 10) at a weekend's level
        assertThat(new HoltWinters(HoltWinters.WEEKLY).detect(series, 28))
                .extracting(HistoryAnomaly::index)
                .containsExactly(28);
        // mean about 15, sd about 6.8: 25 is within 3 sd, so the normal strategy misses it
        assertThat(new OnlineNormal(3, 3).detect(series, 28)).isEmpty();
        series[28] = 10.1; // an ordinary Monday
        assertThat(new HoltWinters(HoltWinters.WEEKLY).detect(series, 28)).isEmpty();
    }

    @Test
    void holtWintersNeedsTwoSeasonsOfHistory() {
        assertThatThrownBy(() -> new HoltWinters(7).detect(new double[14], 13))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least two seasons (14 points)");
    }
}
