"""The shared catalogue: importing and harvesting agencies' Open Referral feeds into it,
the sources it is made of, and the HSDS 3.0 read API over it."""
