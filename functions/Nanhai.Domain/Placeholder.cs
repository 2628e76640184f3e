namespace Nanhai.Domain; internal static class Placeholder { }
