// The shipped schedules checked against the State Council notices, typed by hand from each notice's own
// text (the sentence is kept beside the dates so a reader can compare them).
//
// How a notice's wording becomes days:
//   "X至Y放假（调休/公休）"            → every day from X to Y, weekend days included;
//   "X放假，Y（星期一）补休"           → every day from X to Y;
//   "X放假，与周末连休"                → X and the adjoining Saturday and Sunday;
//   "……上班"                           → those weekend days are working days.
// A later notice for the same year (the 2019 劳动节 amendment, the 2020 春节 extension) replaces the item
// of the same festival. Days that fall in another year (元旦 spans across 31 December) go to that year's
// file; the 2008 notice's days in December 2007 are outside the data and are not checked.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { dayOf, isoOf, isWeekend, parseIsoDate } from './dates.ts';
import { serializeSchedule } from './format.ts';
import type { YearSchedule } from './model.ts';
import { readSchedules, shippedDir } from './store.ts';

interface Item {
  name: string;
  /** The notice's sentence for this festival. */
  text: string;
  /** Days off: 'MM-DD' or 'MM-DD..MM-DD' in the notice's year, or a full 'YYYY-MM-DD' for another year. */
  off: string;
  /** Weekend days declared working days. */
  work?: string[];
}
interface TypedNotice {
  number: string;
  items: Item[];
}

const 庆中 = '国庆节、中秋节';
const 中庆 = '中秋节、国庆节';
const 纪念日 = '中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日';

const notices: Record<number, TypedNotice[]> = {
  2008: [{ number: '国办发明电〔2007〕52号', items: [
    { name: '元旦', text: '2007年12月30日—2008年1月1日放假，共3天。……12月29日（星期六）上班。', off: '2007-12-30..01-01', work: ['2007-12-29'] },
    { name: '春节', text: '2月6日—12日（农历除夕至正月初六）放假，共7天。……2月2日（星期六）、2月3日（星期日）上班。', off: '02-06..02-12', work: ['02-02', '02-03'] },
    { name: '清明节', text: '4月4日—6日放假，共3天。', off: '04-04..04-06' },
    { name: '劳动节', text: '5月1日—3日放假，共3天。……5月4日（星期日）上班。', off: '05-01..05-03', work: ['05-04'] },
    { name: '端午节', text: '6月7日—9日放假，共3天。', off: '06-07..06-09' },
    { name: '中秋节', text: '9月13日—15日放假，共3天。', off: '09-13..09-15' },
    { name: '国庆节', text: '9月29日—10月5日放假，共7天。……9月27日（星期六）、9月28日（星期日）……上班', off: '09-29..10-05', work: ['09-27', '09-28'] },
  ] }],
  2009: [{ number: '国办发明电〔2008〕42号', items: [
    { name: '元旦', text: '1月1日至3日放假，共3天。……1月4日（星期日）上班。', off: '01-01..01-03', work: ['01-04'] },
    { name: '春节', text: '1月25日至31日放假，共7天。……1月24日（星期六）、2月1日（星期日）上班。', off: '01-25..01-31', work: ['01-24', '02-01'] },
    { name: '清明节', text: '4月4日至6日放假，共3天。', off: '04-04..04-06' },
    { name: '劳动节', text: '5月1日至3日放假，共3天。', off: '05-01..05-03' },
    { name: '端午节', text: '5月28日至30日放假，共3天。……5月31日（星期日）上班。', off: '05-28..05-30', work: ['05-31'] },
    { name: 庆中, text: '国庆节、中秋节：10月1日至8日放假，共8天。……9月27日（星期日）、10月10日（星期六）上班。', off: '10-01..10-08', work: ['09-27', '10-10'] },
  ] }],
  2010: [{ number: '国办发明电〔2009〕27号', items: [
    { name: '元旦', text: '1月1日至3日放假公休，共3天。', off: '01-01..01-03' },
    { name: '春节', text: '2月13日至19日放假调休，共7天。2月20日（星期六）、21日（星期日）上班。', off: '02-13..02-19', work: ['02-20', '02-21'] },
    { name: '清明节', text: '4月3日至5日放假公休，共3天。', off: '04-03..04-05' },
    { name: '劳动节', text: '5月1日至3日放假公休，共3天。', off: '05-01..05-03' },
    { name: '端午节', text: '6月14日至16日放假调休，共3天。6月12日（星期六）、13日（星期日）上班。', off: '06-14..06-16', work: ['06-12', '06-13'] },
    { name: '中秋节', text: '9月22日至24日放假调休，共3天。9月19日（星期日）、25日（星期六）上班。', off: '09-22..09-24', work: ['09-19', '09-25'] },
    { name: '国庆节', text: '10月1日至7日放假调休，共7天。9月26日（星期日）、10月9日（星期六）上班。', off: '10-01..10-07', work: ['09-26', '10-09'] },
  ] }],
  2011: [{ number: '国办发明电〔2010〕40号', items: [
    { name: '元旦', text: '1月1日至3日放假公休，共3天。', off: '01-01..01-03' },
    { name: '春节', text: '2月2日（农历除夕）至8日放假调休，共7天。1月30日（星期日）、2月12日（星期六）上班。', off: '02-02..02-08', work: ['01-30', '02-12'] },
    { name: '清明节', text: '4月3日至5日放假调休，共3天。4月2日（星期六）上班。', off: '04-03..04-05', work: ['04-02'] },
    { name: '劳动节', text: '4月30日至5月2日放假公休，共3天。', off: '04-30..05-02' },
    { name: '端午节', text: '6月4日至6日放假公休，共3天。', off: '06-04..06-06' },
    { name: '中秋节', text: '9月10日至12日放假公休，共3天。', off: '09-10..09-12' },
    { name: '国庆节', text: '10月1日至7日放假调休，共7天。10月8日（星期六）、10月9日（星期日）上班。', off: '10-01..10-07', work: ['10-08', '10-09'] },
  ] }],
  2012: [{ number: '国办发明电〔2011〕45号', items: [
    { name: '元旦', text: '2012年1月1日至3日放假调休，共3天。2011年12月31日（星期六）上班。', off: '01-01..01-03', work: ['2011-12-31'] },
    { name: '春节', text: '1月22日至28日放假调休，共7天。1月21日（星期六）、1月29日（星期日）上班。', off: '01-22..01-28', work: ['01-21', '01-29'] },
    { name: '清明节', text: '4月2日至4日放假调休，共3天。3月31日（星期六）、4月1日（星期日）上班。', off: '04-02..04-04', work: ['03-31', '04-01'] },
    { name: '劳动节', text: '4月29日至5月1日放假调休，共3天。4月28日（星期六）上班。', off: '04-29..05-01', work: ['04-28'] },
    { name: '端午节', text: '6月22日至24日放假公休，共3天。', off: '06-22..06-24' },
    { name: 中庆, text: '中秋节、国庆节：9月30日至10月7日放假调休，共8天。9月29日（星期六）上班。', off: '09-30..10-07', work: ['09-29'] },
  ] }],
  2013: [{ number: '国办发明电〔2012〕33号', items: [
    { name: '元旦', text: '1月1日至3日放假调休，共3天。1月5日（星期六）、1月6日（星期日）上班。', off: '01-01..01-03', work: ['01-05', '01-06'] },
    { name: '春节', text: '2月9日至15日放假调休，共7天。2月16日（星期六）、2月17日（星期日）上班。', off: '02-09..02-15', work: ['02-16', '02-17'] },
    { name: '清明节', text: '4月4日至6日放假调休，共3天。4月7日（星期日）上班。', off: '04-04..04-06', work: ['04-07'] },
    { name: '劳动节', text: '4月29日至5月1日放假调休，共3天。4月27日（星期六）、4月28日（星期日）上班。', off: '04-29..05-01', work: ['04-27', '04-28'] },
    { name: '端午节', text: '6月10日至12日放假调休，共3天。6月8日（星期六）、6月9日（星期日）上班。', off: '06-10..06-12', work: ['06-08', '06-09'] },
    { name: '中秋节', text: '9月19日至21日放假调休，共3天。9月22日（星期日）上班。', off: '09-19..09-21', work: ['09-22'] },
    { name: '国庆节', text: '10月1日至7日放假调休，共7天。9月29日（星期日）、10月12日（星期六）上班。', off: '10-01..10-07', work: ['09-29', '10-12'] },
  ] }],
  2014: [{ number: '国办发明电〔2013〕28号', items: [
    { name: '元旦', text: '1月1日放假1天。', off: '01-01' },
    { name: '春节', text: '1月31日至2月6日放假调休，共7天。1月26日（星期日）、2月8日（星期六）上班。', off: '01-31..02-06', work: ['01-26', '02-08'] },
    { name: '清明节', text: '4月5日放假，4月7日（星期一）补休。', off: '04-05..04-07' },
    { name: '劳动节', text: '5月1日至3日放假调休，共3天。5月4日（星期日）上班。', off: '05-01..05-03', work: ['05-04'] },
    { name: '端午节', text: '6月2日放假，与周末连休。', off: '05-31..06-02' },
    { name: '中秋节', text: '9月8日放假，与周末连休。', off: '09-06..09-08' },
    { name: '国庆节', text: '10月1日至7日放假调休，共7天。9月28日（星期日）、10月11日（星期六）上班。', off: '10-01..10-07', work: ['09-28', '10-11'] },
  ] }],
  2015: [
    { number: '国办发明电〔2014〕28号', items: [
      { name: '元旦', text: '1月1日至3日放假调休，共3天。1月4日（星期日）上班。', off: '01-01..01-03', work: ['01-04'] },
      { name: '春节', text: '2月18日至24日放假调休，共7天。2月15日（星期日）、2月28日（星期六）上班。', off: '02-18..02-24', work: ['02-15', '02-28'] },
      { name: '清明节', text: '4月5日放假，4月6日（星期一）补休。', off: '04-05..04-06' },
      { name: '劳动节', text: '5月1日放假，与周末连休。', off: '05-01..05-03' },
      { name: '端午节', text: '6月20日放假，6月22日（星期一）补休。', off: '06-20..06-22' },
      { name: '中秋节', text: '9月27日放假。', off: '09-27' },
      { name: '国庆节', text: '10月1日至7日放假调休，共7天。10月10日（星期六）上班。', off: '10-01..10-07', work: ['10-10'] },
    ] },
    { number: '国发明电〔2015〕1号', items: [
      { name: 纪念日, text: '9月3日至5日调休放假，共3天。其中9月3日（星期四）放假，9月4日（星期五）调休，9月6日（星期日）上班。', off: '09-03..09-05', work: ['09-06'] },
    ] },
  ],
  2016: [{ number: '国办发明电〔2015〕18号', items: [
    { name: '元旦', text: '1月1日放假，与周末连休。', off: '01-01..01-03' },
    { name: '春节', text: '2月7日至13日放假调休，共7天。2月6日（星期六）、2月14日（星期日）上班。', off: '02-07..02-13', work: ['02-06', '02-14'] },
    { name: '清明节', text: '4月4日放假，与周末连休。', off: '04-02..04-04' },
    { name: '劳动节', text: '5月1日放假，5月2日（星期一）补休。', off: '05-01..05-02' },
    { name: '端午节', text: '6月9日至11日放假调休，共3天。6月12日（星期日）上班。', off: '06-09..06-11', work: ['06-12'] },
    { name: '中秋节', text: '9月15日至17日放假调休，共3天。9月18日（星期日）上班。', off: '09-15..09-17', work: ['09-18'] },
    { name: '国庆节', text: '10月1日至7日放假调休，共7天。10月8日（星期六）、10月9日（星期日）上班。', off: '10-01..10-07', work: ['10-08', '10-09'] },
  ] }],
  2017: [{ number: '国办发明电〔2016〕17号', items: [
    { name: '元旦', text: '1月1日放假，1月2日（星期一）补休。', off: '01-01..01-02' },
    { name: '春节', text: '1月27日至2月2日放假调休，共7天。1月22日（星期日）、2月4日（星期六）上班。', off: '01-27..02-02', work: ['01-22', '02-04'] },
    { name: '清明节', text: '4月2日至4日放假调休，共3天。4月1日（星期六）上班。', off: '04-02..04-04', work: ['04-01'] },
    { name: '劳动节', text: '5月1日放假，与周末连休。', off: '04-29..05-01' },
    { name: '端午节', text: '5月28日至30日放假调休，共3天。5月27日（星期六）上班。', off: '05-28..05-30', work: ['05-27'] },
    { name: 中庆, text: '中秋节、国庆节：10月1日至8日放假调休，共8天。9月30日（星期六）上班。', off: '10-01..10-08', work: ['09-30'] },
  ] }],
  2018: [{ number: '国办发明电〔2017〕12号', items: [
    { name: '元旦', text: '1月1日放假，与周末连休。', off: '2017-12-30..01-01' },
    { name: '春节', text: '2月15日至21日放假调休，共7天。2月11日（星期日）、2月24日（星期六）上班。', off: '02-15..02-21', work: ['02-11', '02-24'] },
    { name: '清明节', text: '4月5日至7日放假调休，共3天。4月8日（星期日）上班。', off: '04-05..04-07', work: ['04-08'] },
    { name: '劳动节', text: '4月29日至5月1日放假调休，共3天。4月28日（星期六）上班。', off: '04-29..05-01', work: ['04-28'] },
    { name: '端午节', text: '6月18日放假，与周末连休。', off: '06-16..06-18' },
    { name: '中秋节', text: '9月24日放假，与周末连休。', off: '09-22..09-24' },
    { name: '国庆节', text: '10月1日至7日放假调休，共7天。9月29日（星期六）、9月30日（星期日）上班。', off: '10-01..10-07', work: ['09-29', '09-30'] },
  ] }],
  2019: [
    { number: '国办发明电〔2018〕15号', items: [
      { name: '元旦', text: '2018年12月30日至2019年1月1日放假调休，共3天。2018年12月29日（星期六）上班。', off: '2018-12-30..01-01', work: ['2018-12-29'] },
      { name: '春节', text: '2月4日至10日放假调休，共7天。2月2日（星期六）、2月3日（星期日）上班。', off: '02-04..02-10', work: ['02-02', '02-03'] },
      { name: '清明节', text: '4月5日放假，与周末连休。', off: '04-05..04-07' },
      { name: '劳动节', text: '5月1日放假。', off: '05-01' },
      { name: '端午节', text: '6月7日放假，与周末连休。', off: '06-07..06-09' },
      { name: '中秋节', text: '9月13日放假，与周末连休。', off: '09-13..09-15' },
      { name: '国庆节', text: '10月1日至7日放假调休，共7天。9月29日（星期日）、10月12日（星期六）上班。', off: '10-01..10-07', work: ['09-29', '10-12'] },
    ] },
    { number: '国办发明电〔2019〕3号', items: [
      { name: '劳动节', text: '2019年5月1日至4日放假调休，共4天。4月28日（星期日）、5月5日（星期日）上班。', off: '05-01..05-04', work: ['04-28', '05-05'] },
    ] },
  ],
  2020: [
    { number: '国办发明电〔2019〕16号', items: [
      { name: '元旦', text: '2020年1月1日放假，共1天。', off: '01-01' },
      { name: '春节', text: '1月24日至30日放假调休，共7天。1月19日（星期日）、2月1日（星期六）上班。', off: '01-24..01-30', work: ['01-19', '02-01'] },
      { name: '清明节', text: '4月4日至6日放假调休，共3天。', off: '04-04..04-06' },
      { name: '劳动节', text: '5月1日至5日放假调休，共5天。4月26日（星期日）、5月9日（星期六）上班。', off: '05-01..05-05', work: ['04-26', '05-09'] },
      { name: '端午节', text: '6月25日至27日放假调休，共3天。6月28日（星期日）上班。', off: '06-25..06-27', work: ['06-28'] },
      { name: 庆中, text: '国庆节、中秋节：10月1日至8日放假调休，共8天。9月27日（星期日）、10月10日（星期六）上班。', off: '10-01..10-08', work: ['09-27', '10-10'] },
    ] },
    { number: '国办发明电〔2020〕1号', items: [
      // The extension: 1月31日 and 2月1日–2日 off; 2月1日 (a Saturday) is no longer a working day.
      { name: '春节', text: '延长2020年春节假期至2月2日（农历正月初九，星期日），2月3日（星期一）起正常上班。', off: '01-24..02-02', work: ['01-19'] },
    ] },
  ],
  2021: [{ number: '国办发明电〔2020〕27号', items: [
    { name: '元旦', text: '2021年1月1日至3日放假，共3天。', off: '01-01..01-03' },
    { name: '春节', text: '2月11日至17日放假调休，共7天。2月7日（星期日）、2月20日（星期六）上班。', off: '02-11..02-17', work: ['02-07', '02-20'] },
    { name: '清明节', text: '4月3日至5日放假调休，共3天。', off: '04-03..04-05' },
    { name: '劳动节', text: '5月1日至5日放假调休，共5天。4月25日（星期日）、5月8日（星期六）上班。', off: '05-01..05-05', work: ['04-25', '05-08'] },
    { name: '端午节', text: '6月12日至14日放假，共3天。', off: '06-12..06-14' },
    { name: '中秋节', text: '9月19日至21日放假调休，共3天。9月18日（星期六）上班。', off: '09-19..09-21', work: ['09-18'] },
    { name: '国庆节', text: '10月1日至7日放假调休，共7天。9月26日（星期日）、10月9日（星期六）上班。', off: '10-01..10-07', work: ['09-26', '10-09'] },
  ] }],
  2022: [{ number: '国办发明电〔2021〕11号', items: [
    { name: '元旦', text: '2022年1月1日至3日放假，共3天。', off: '01-01..01-03' },
    { name: '春节', text: '1月31日至2月6日放假调休，共7天。1月29日（星期六）、1月30日（星期日）上班。', off: '01-31..02-06', work: ['01-29', '01-30'] },
    { name: '清明节', text: '4月3日至5日放假调休，共3天。4月2日（星期六）上班。', off: '04-03..04-05', work: ['04-02'] },
    { name: '劳动节', text: '4月30日至5月4日放假调休，共5天。4月24日（星期日）、5月7日（星期六）上班。', off: '04-30..05-04', work: ['04-24', '05-07'] },
    { name: '端午节', text: '6月3日至5日放假，共3天。', off: '06-03..06-05' },
    { name: '中秋节', text: '9月10日至12日放假，共3天。', off: '09-10..09-12' },
    { name: '国庆节', text: '10月1日至7日放假调休，共7天。10月8日（星期六）、10月9日（星期日）上班。', off: '10-01..10-07', work: ['10-08', '10-09'] },
  ] }],
  2023: [{ number: '国办发明电〔2022〕16号', items: [
    { name: '元旦', text: '2022年12月31日至2023年1月2日放假调休，共3天。', off: '2022-12-31..01-02' },
    { name: '春节', text: '1月21日至27日放假调休，共7天。1月28日（星期六）、1月29日（星期日）上班。', off: '01-21..01-27', work: ['01-28', '01-29'] },
    { name: '清明节', text: '4月5日放假，共1天。', off: '04-05' },
    { name: '劳动节', text: '4月29日至5月3日放假调休，共5天。4月23日（星期日）、5月6日（星期六）上班。', off: '04-29..05-03', work: ['04-23', '05-06'] },
    { name: '端午节', text: '6月22日至24日放假调休，共3天。6月25日（星期日）上班。', off: '06-22..06-24', work: ['06-25'] },
    { name: 中庆, text: '中秋节、国庆节：9月29日至10月6日放假调休，共8天。10月7日（星期六）、10月8日（星期日）上班。', off: '09-29..10-06', work: ['10-07', '10-08'] },
  ] }],
  2024: [{ number: '国办发明电〔2023〕7号', items: [
    { name: '元旦', text: '1月1日放假，与周末连休。', off: '2023-12-30..01-01' },
    { name: '春节', text: '2月10日至17日放假调休，共8天。2月4日（星期日）、2月18日（星期日）上班。', off: '02-10..02-17', work: ['02-04', '02-18'] },
    { name: '清明节', text: '4月4日至6日放假调休，共3天。4月7日（星期日）上班。', off: '04-04..04-06', work: ['04-07'] },
    { name: '劳动节', text: '5月1日至5日放假调休，共5天。4月28日（星期日）、5月11日（星期六）上班。', off: '05-01..05-05', work: ['04-28', '05-11'] },
    { name: '端午节', text: '6月10日放假，与周末连休。', off: '06-08..06-10' },
    { name: '中秋节', text: '9月15日至17日放假调休，共3天。9月14日（星期六）上班。', off: '09-15..09-17', work: ['09-14'] },
    { name: '国庆节', text: '10月1日至7日放假调休，共7天。9月29日（星期日）、10月12日（星期六）上班。', off: '10-01..10-07', work: ['09-29', '10-12'] },
  ] }],
  2025: [{ number: '国办发明电〔2024〕12号', items: [
    { name: '元旦', text: '1月1日（周三）放假1天，不调休。', off: '01-01' },
    { name: '春节', text: '1月28日（农历除夕、周二）至2月4日（农历正月初七、周二）放假调休，共8天。1月26日（周日）、2月8日（周六）上班。', off: '01-28..02-04', work: ['01-26', '02-08'] },
    { name: '清明节', text: '4月4日（周五）至6日（周日）放假，共3天。', off: '04-04..04-06' },
    { name: '劳动节', text: '5月1日（周四）至5日（周一）放假调休，共5天。4月27日（周日）上班。', off: '05-01..05-05', work: ['04-27'] },
    { name: '端午节', text: '5月31日（周六）至6月2日（周一）放假，共3天。', off: '05-31..06-02' },
    { name: 庆中, text: '国庆节、中秋节：10月1日（周三）至8日（周三）放假调休，共8天。9月28日（周日）、10月11日（周六）上班。', off: '10-01..10-08', work: ['09-28', '10-11'] },
  ] }],
  2026: [{ number: '国办发明电〔2025〕7号', items: [
    { name: '元旦', text: '1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。', off: '01-01..01-03', work: ['01-04'] },
    { name: '春节', text: '2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天。2月14日（周六）、2月28日（周六）上班。', off: '02-15..02-23', work: ['02-14', '02-28'] },
    { name: '清明节', text: '4月4日（周六）至6日（周一）放假，共3天。', off: '04-04..04-06' },
    { name: '劳动节', text: '5月1日（周五）至5日（周二）放假调休，共5天。5月9日（周六）上班。', off: '05-01..05-05', work: ['05-09'] },
    { name: '端午节', text: '6月19日（周五）至21日（周日）放假，共3天。', off: '06-19..06-21' },
    { name: '中秋节', text: '9月25日（周五）至27日（周日）放假，共3天。', off: '09-25..09-27' },
    { name: '国庆节', text: '10月1日（周四）至7日（周三）放假调休，共7天。9月20日（周日）、10月10日（周六）上班。', off: '10-01..10-07', work: ['09-20', '10-10'] },
  ] }],
};

const FIRST_YEAR = 2008;
const LAST_YEAR = 2026;

const fullDate = (year: number, text: string) => (text.length === 5 ? `${year}-${text}` : text);

function expand(year: number, off: string): string[] {
  const [from, to = from] = off.split('..').map((t) => fullDate(year, t));
  const days: string[] = [];
  for (let d = dayOf(from!); d <= dayOf(to!); d++) days.push(isoOf(d));
  return days;
}

/** The notices of `noticeYear` applied in order, an amendment replacing the item of the same festival. */
function itemsOf(noticeYear: number): Item[] {
  const byName = new Map<string, Item>();
  for (const n of notices[noticeYear] ?? []) for (const item of n.items) byName.set(item.name, item);
  return [...byName.values()];
}

/** What the notices say about the days of `year`, as sorted "date name" lines. */
function expected(year: number): { holidays: string[]; workdays: string[] } {
  const holidays: string[] = [];
  const workdays: string[] = [];
  for (const noticeYear of [year, year + 1]) {
    for (const item of itemsOf(noticeYear)) {
      for (const d of expand(noticeYear, item.off)) if (d.startsWith(`${year}-`)) holidays.push(`${d} ${item.name}`);
      for (const w of item.work ?? []) {
        const d = fullDate(noticeYear, w);
        if (d.startsWith(`${year}-`)) workdays.push(`${d} ${item.name}`);
      }
    }
  }
  return { holidays: holidays.sort(), workdays: workdays.sort() };
}

const shipped = new Map(readSchedules(shippedDir).map((s) => [s.year, s]));
const lines = (days: { date: string; name: string }[]) => days.map((d) => `${d.date} ${d.name}`).sort();

test('the typed notices agree with themselves: 共N天 counts, 与周末连休 adds only weekend days, 上班 days are weekends', () => {
  for (const [year, list] of Object.entries(notices)) {
    for (const n of list) {
      for (const item of n.items) {
        const days = expand(Number(year), item.off);
        const count = /共(\d+)天/.exec(item.text);
        if (count) assert.equal(days.length, Number(count[1]), `${n.number} ${item.name}`);
        if (item.text.includes('与周末连休')) {
          const stated = days.filter((d) => !isWeekend(dayOf(d)));
          assert.equal(stated.length, 1, `${n.number} ${item.name}: one stated day joined to a weekend`);
        }
        for (const w of item.work ?? []) assert.ok(isWeekend(dayOf(fullDate(Number(year), w))), `${n.number} ${item.name} ${w}`);
      }
    }
  }
});

for (let year = FIRST_YEAR; year <= LAST_YEAR; year++) {
  test(`${year}: the holidays and make-up working days are exactly those of the notices`, () => {
    const schedule = shipped.get(year);
    assert.ok(schedule, `${year}.json is missing`);
    const want = expected(year);
    assert.deepEqual(lines(schedule.holidays), want.holidays);
    assert.deepEqual(lines(schedule.workdays), want.workdays);
  });
}

test('each year names the notices typed above as its sources', () => {
  for (let year = FIRST_YEAR; year <= LAST_YEAR; year++) {
    const numbers = shipped.get(year)!.sources.map((s) => s.number);
    for (const n of notices[year]!) assert.ok(numbers.includes(n.number), `${year}: ${n.number}`);
  }
});

test('2015: the 70th anniversary days 09-03..09-05 are off and Sunday 09-06 is worked', () => {
  const s = shipped.get(2015)!;
  const off = new Set(s.holidays.map((d) => d.date));
  for (const d of ['2015-09-03', '2015-09-04', '2015-09-05']) assert.ok(off.has(d), d);
  assert.ok(s.workdays.some((d) => d.date === '2015-09-06'));
});

test('2019: 劳动节 as amended — May 1–4 off, April 28 and May 5 worked', () => {
  const s = shipped.get(2019)!;
  assert.deepEqual(s.holidays.filter((d) => d.name === '劳动节').map((d) => d.date), ['2019-05-01', '2019-05-02', '2019-05-03', '2019-05-04']);
  assert.deepEqual(s.workdays.filter((d) => d.name === '劳动节').map((d) => d.date), ['2019-04-28', '2019-05-05']);
});

test('2020: the 春节 extension — 01-31, 02-01 and 02-02 off, 02-01 no longer a working day', () => {
  const s = shipped.get(2020)!;
  const off = new Set(s.holidays.map((d) => d.date));
  for (const d of ['2020-01-31', '2020-02-01', '2020-02-02']) assert.ok(off.has(d), d);
  assert.ok(!s.workdays.some((d) => d.date === '2020-02-01'));
});

test('every year 2008–2026 is shipped, well formed and sourced', () => {
  for (let year = FIRST_YEAR; year <= LAST_YEAR; year++) {
    const s: YearSchedule | undefined = shipped.get(year);
    assert.ok(s, `${year}.json is missing`);
    assert.equal(s.year, year);
    const all = [...s.holidays, ...s.workdays];
    for (const d of all) {
      assert.notEqual(parseIsoDate(d.date), null, `${year}: ${d.date} is not a real date`);
      assert.ok(d.date.startsWith(`${year}-`), `${year}: ${d.date} lies outside the year`);
      assert.ok(d.name.trim().length > 0, `${year}: ${d.date} has no name`);
    }
    const off = new Set(s.holidays.map((d) => d.date));
    assert.equal(off.size, s.holidays.length, `${year}: a holiday is listed twice`);
    for (const w of s.workdays) {
      assert.ok(!off.has(w.date), `${year}: ${w.date} is both a holiday and a working day`);
      assert.ok(isWeekend(dayOf(w.date)), `${year}: make-up working day ${w.date} is not a weekend day`);
    }
    assert.ok(s.sources.length >= 1, `${year}: no source notice`);
    for (const n of s.sources) {
      assert.ok(n.number && n.title, `${year}: a source without number or title`);
      assert.notEqual(parseIsoDate(n.issuedOn), null, `${year}: ${n.number} issuedOn`);
    }
  }
});

test('the data files are in the one-day-per-line format of serializeSchedule', () => {
  for (let year = FIRST_YEAR; year <= LAST_YEAR; year++) {
    const text = readFileSync(path.join(shippedDir, `${year}.json`), 'utf8');
    assert.equal(text, serializeSchedule(shipped.get(year)!), `${year}.json`);
  }
});
