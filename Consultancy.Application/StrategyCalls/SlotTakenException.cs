namespace Consultancy.Application.StrategyCalls;

/// <summary>The chosen time is no longer free: someone booked it first, or it fell out of the offer.</summary>
public sealed class SlotTakenException() : Exception("That time was just taken. Please choose another one.");
