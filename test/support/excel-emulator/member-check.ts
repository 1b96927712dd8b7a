import type * as Emulated from "./proxies";

/**
 * Compile-time proof that the emulator offers no member that Excel's own class lacks: a method the
 * add-in could call in tests but not in Excel would fail to compile here.
 */
type Public<E> = Exclude<keyof E, `emu${string}`>;
/** `true`, or the names of the members Excel lacks. Members named `emu…` are the emulator's own plumbing. */
type OnlyExcelMembers<E, X> = Exclude<Public<E>, keyof X> extends never ? true : Exclude<Public<E>, keyof X>;

export const memberChecks: [
  OnlyExcelMembers<Emulated.EmulatedWorkbook, Excel.Workbook>,
  OnlyExcelMembers<Emulated.EmulatedWorksheetCollection, Excel.WorksheetCollection>,
  OnlyExcelMembers<Emulated.EmulatedWorksheet, Excel.Worksheet>,
  OnlyExcelMembers<Emulated.EmulatedWorksheetProtection, Excel.WorksheetProtection>,
  OnlyExcelMembers<Emulated.EmulatedRange, Excel.Range>,
  OnlyExcelMembers<Emulated.EmulatedRangeAreas, Excel.RangeAreas>,
  OnlyExcelMembers<Emulated.EmulatedRangeFormat, Excel.RangeFormat>,
  OnlyExcelMembers<Emulated.EmulatedRangeFont, Excel.RangeFont>,
  OnlyExcelMembers<Emulated.EmulatedRangeFill, Excel.RangeFill>,
  OnlyExcelMembers<Emulated.EmulatedRangeBorderCollection, Excel.RangeBorderCollection>,
  OnlyExcelMembers<Emulated.EmulatedRangeBorder, Excel.RangeBorder>,
  OnlyExcelMembers<Emulated.EmulatedFormatProtection, Excel.FormatProtection>,
  OnlyExcelMembers<Emulated.EmulatedConditionalFormatCollection, Excel.ConditionalFormatCollection>,
  OnlyExcelMembers<Emulated.EmulatedConditionalFormat, Excel.ConditionalFormat>,
  OnlyExcelMembers<Emulated.EmulatedCustomConditionalFormat, Excel.CustomConditionalFormat>,
  OnlyExcelMembers<Emulated.EmulatedConditionalFormatRule, Excel.ConditionalFormatRule>,
  OnlyExcelMembers<Emulated.EmulatedDataValidation, Excel.DataValidation>,
  OnlyExcelMembers<Emulated.EmulatedNamedItemCollection, Excel.NamedItemCollection>,
  OnlyExcelMembers<Emulated.EmulatedNamedItem, Excel.NamedItem>,
  OnlyExcelMembers<Emulated.EmulatedSettingCollection, Excel.SettingCollection>,
  OnlyExcelMembers<Emulated.EmulatedSetting, Excel.Setting>,
  OnlyExcelMembers<Emulated.EmulatedContext, Excel.RequestContext>,
  OnlyExcelMembers<Emulated.EmulatedApplication, Excel.Application>,
  OnlyExcelMembers<Emulated.EmulatedPageLayout, Excel.PageLayout>,
  OnlyExcelMembers<Emulated.EmulatedEventHandlers, OfficeExtension.EventHandlers<Excel.WorksheetChangedEventArgs>>,
  OnlyExcelMembers<
    Emulated.EmulatedEventHandlerResult,
    OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs>
  >,
] = [
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
];
