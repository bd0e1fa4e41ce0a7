// GOV.UK Frontend and MOJ Frontend components as React, one folder per component.
export {};
