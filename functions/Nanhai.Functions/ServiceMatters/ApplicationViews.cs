namespace Nanhai.Functions.ServiceMatters;

/// <summary>What a submission returns: the application's id and where to follow it.</summary>
public sealed record SubmissionReceivedView(string ApplicationId, string Location, bool AlreadySubmitted);
