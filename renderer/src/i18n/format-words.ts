// Words the formatting module needs (format.ts): units with every plural form, and Welsh month
// names for browsers whose Intl has no Welsh data (Debian's Chromium has Welsh plural rules but
// no Welsh dates, and falls back to month-first en-US). Each Welsh unit has the six forms Welsh
// plural rules use: zero, one, two, few, many, other.
export const en = {
  units: {
    second_one: '{{count}} second',
    second_other: '{{count}} seconds',
    minute_one: '{{count}} minute',
    minute_other: '{{count}} minutes',
    hour_one: '{{count}} hour',
    hour_other: '{{count}} hours',
    day_one: '{{count}} day',
    day_other: '{{count}} days',
  },
  months: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
};

export const cy: typeof en & { units: Record<string, string> } = {
  units: {
    second_zero: '{{count}} eiliad',
    second_one: '{{count}} eiliad',
    second_two: '{{count}} eiliad',
    second_few: '{{count}} eiliad',
    second_many: '{{count}} eiliad',
    second_other: '{{count}} eiliad',
    minute_zero: '{{count}} munud',
    minute_one: '{{count}} munud',
    minute_two: '{{count}} funud',
    minute_few: '{{count}} munud',
    minute_many: '{{count}} munud',
    minute_other: '{{count}} munud',
    hour_zero: '{{count}} awr',
    hour_one: '{{count}} awr',
    hour_two: '{{count}} awr',
    hour_few: '{{count}} awr',
    hour_many: '{{count}} awr',
    hour_other: '{{count}} awr',
    day_zero: '{{count}} diwrnod',
    day_one: '{{count}} diwrnod',
    day_two: '{{count}} ddiwrnod',
    day_few: '{{count}} diwrnod',
    day_many: '{{count}} diwrnod',
    day_other: '{{count}} diwrnod',
  },
  months: ['Ion', 'Chwef', 'Maw', 'Ebr', 'Mai', 'Meh', 'Gorff', 'Awst', 'Medi', 'Hyd', 'Tach', 'Rhag'],
};
