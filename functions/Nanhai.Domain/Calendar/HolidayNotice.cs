namespace Nanhai.Domain.Calendar;

/// <summary>
/// One State Council General Office notice on a year's holidays (国务院办公厅关于…年部分节假日安排的通知), as shipped
/// in <c>china-holidays.json</c>. Kept with the calendar so that every deadline can be traced to its source.
/// </summary>
/// <param name="Year">The year the notice arranges; some of its dates may fall in December of the year before.</param>
/// <param name="Number">The document number, e.g. 国办发明电〔2024〕12号.</param>
/// <param name="Date">The date the notice was issued.</param>
/// <param name="Amendments">Later notices that changed this year's arrangement (e.g. the 2020 Spring Festival extension).</param>
public sealed record HolidayNotice(
    int Year,
    string Number,
    string Title,
    DateOnly Date,
    IReadOnlyList<HolidayNoticeAmendment> Amendments,
    IReadOnlyList<PublicHoliday> Holidays);

/// <summary>A notice that amended a year's arrangement; its effect is already in the holiday dates.</summary>
public sealed record HolidayNoticeAmendment(string Number, string Title, DateOnly Date, string Note);

/// <summary>
/// One holiday period (节假日) of a notice: every calendar day off (放假), weekends inside the period included, and the
/// make-up working days (调休上班) that pay for it, which are always a Saturday or Sunday.
/// </summary>
public sealed record PublicHoliday(
    string Name,
    string NameEn,
    IReadOnlyList<DateOnly> DaysOff,
    IReadOnlyList<DateOnly> MakeUpWorkingDays);

/// <summary>What a date is on the calendar.</summary>
public enum DayKind
{
    /// <summary>An ordinary Monday–Friday working day (工作日).</summary>
    WorkingDay,
    /// <summary>A Saturday or Sunday that is a working day by notice (调休上班).</summary>
    MakeUpWorkingDay,
    /// <summary>An ordinary Saturday or Sunday (休息日).</summary>
    Weekend,
    /// <summary>A listed holiday day off (节假日放假), whichever day of the week it is.</summary>
    Holiday,
}
